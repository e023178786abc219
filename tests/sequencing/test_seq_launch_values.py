"""What a SCO of a sequenced SCORM 2004 course starts with: the run-time values the LMS initialises from the
manifest are returned exactly as the manifest wrote them (RTE 4.2: cmi.max_time_allowed from
attemptAbsoluteDurationLimit, cmi.scaled_passing_score from minNormalizedMeasure), through a real import and
`launch.prepare` on a real SQLite library."""

from __future__ import annotations

from scorm_desktop import launch
from scorm_desktop.paths import DataPaths
from scorm_desktop.services import open_services

from seqkit import NS

MANIFEST = f"""<?xml version="1.0"?>
<manifest identifier="m" version="1" {NS}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Course</title>
    <item identifier="a" identifierref="r"><title>A</title>
      <imsss:sequencing>
        <imsss:limitConditions attemptAbsoluteDurationLimit="P5Y6M4DT12H30M58S"/>
        <imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
          <imsss:minNormalizedMeasure>1.0</imsss:minNormalizedMeasure></imsss:primaryObjective>
        </imsss:objectives>
      </imsss:sequencing>
    </item>
    <item identifier="b" identifierref="r"><title>B</title>
      <imsss:sequencing>
        <imsss:limitConditions attemptAbsoluteDurationLimit="P5Y6M4DT12H30M58.55S"/>
        <imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true">
          <imsss:minNormalizedMeasure>0.70</imsss:minNormalizedMeasure></imsss:primaryObjective>
        </imsss:objectives>
      </imsss:sequencing>
    </item>
    <imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/>
  </resource></resources>
</manifest>"""


def _course(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "imsmanifest.xml").write_text(MANIFEST, encoding="utf-8")
    (pkg / "a.html").write_text("<html></html>", encoding="utf-8")
    services = open_services(DataPaths(tmp_path / "data", explicit=True), with_sample=False)
    return services, services.library.import_package(pkg).course.id


def test_values_from_the_manifest_are_returned_as_written(tmp_path):
    services, cid = _course(tmp_path)
    try:
        a = launch.prepare(services.library, services.records, cid, "L", "a", sequenced=True)
        assert a.values["cmi.max_time_allowed"] == "P5Y6M4DT12H30M58S"
        assert a.values["cmi.scaled_passing_score"] == "1.0"
        b = launch.prepare(services.library, services.records, cid, "L", "b", sequenced=True)
        assert b.values["cmi.max_time_allowed"] == "P5Y6M4DT12H30M58.55S"
        assert b.values["cmi.scaled_passing_score"] == "0.70"
        # the judged value still uses the number
        assert b.context.scaled_passing_score == 0.7
    finally:
        services.close()
