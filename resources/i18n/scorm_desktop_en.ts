<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CheckRunner</name>
    <message numerus="yes">
        <source>{0}: running %n item(s)…</source>
        <extracomment>An asset has nothing to wait for: it is done once nothing has loaded for this long (or `idle`, when shorter). Schemes that leave the package for a network. Requests the app&apos;s rules blocked besides the internet (file:, other schemes, other courses): url → why. The longest one item may run while it keeps calling the API. Set by `close()`: a running import stops at its next step (it may take minutes on a large package).</extracomment>
        <translation>
            <numerusform>{0}: running %n item…</numerusform>
            <numerusform>{0}: running %n items…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseTab</name>
    <message numerus="yes">
        <source>{0:,} of %Ln course(s)</source>
        <translation>
            <numerusform>{0:,} of %Ln course</numerusform>
            <numerusform>{0:,} of %Ln courses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln course(s)</source>
        <translation>
            <numerusform>%Ln course</numerusform>
            <numerusform>%Ln courses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learner(s)</source>
        <translation>
            <numerusform>learner</numerusform>
            <numerusform>learners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message numerus="yes">
        <source>{0:,} of %Ln row(s) loaded{1}</source>
        <translation>
            <numerusform>{0:,} of %Ln row loaded{1}</numerusform>
            <numerusform>{0:,} of %Ln rows loaded{1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln row(s) to {0}.</source>
        <translation>
            <numerusform>Saved %Ln row to {0}.</numerusform>
            <numerusform>Saved %Ln rows to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DispatchWindow</name>
    <message numerus="yes">
        <source>Report read: %n missing record(s).</source>
        <translation>
            <numerusform>Report read: %n missing record.</numerusform>
            <numerusform>Report read: %n missing records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerMenu</name>
    <message numerus="yes">
        <source>Cleared %n preview attempt(s).</source>
        <translation>
            <numerusform>Cleared %n preview attempt.</numerusform>
            <numerusform>Cleared %n preview attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerTab</name>
    <message numerus="yes">
        <source>course(s)</source>
        <translation>
            <numerusform>course</numerusform>
            <numerusform>courses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n course(s). Double-click a course to play it; drop a .zip here to import.</source>
        <translation>
            <numerusform>%n course. Double-click a course to play it; drop a .zip here to import.</numerusform>
            <numerusform>%n courses. Double-click a course to play it; drop a .zip here to import.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaJobs</name>
    <message numerus="yes">
        <source>%n media file(s) of a course could not be converted; see the log.</source>
        <translation>
            <numerusform>%n media file of a course could not be converted; see the log.</numerusform>
            <numerusform>%n media files of a course could not be converted; see the log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>Refused by the LRS: %n conflict(s), {0} invalid (see `scorm-desktop sync`)</source>
        <translation>
            <numerusform>Refused by the LRS: %n conflict, {0} invalid (see `scorm-desktop sync`)</numerusform>
            <numerusform>Refused by the LRS: %n conflicts, {0} invalid (see `scorm-desktop sync`)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message numerus="yes">
        <source>%n record(s) were written to {0}.

Import this file on a computer that can reach the LRS (Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and the LRS keeps one copy.

This computer&apos;s key: {1}</source>
        <translation>
            <numerusform>%n record was written to {0}.

Import this file on a computer that can reach the LRS (Sync › Import records…). It stays queued here too: whichever computer syncs first sends it, and the LRS keeps one copy.

This computer&apos;s key: {1}</numerusform>
            <numerusform>%n records were written to {0}.

Import this file on a computer that can reach the LRS (Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and the LRS keeps one copy.

This computer&apos;s key: {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s)</source>
        <translation>
            <numerusform>Exported %n record</numerusform>
            <numerusform>Exported %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new record(s) queued for sync, {0} already known (of {1} in the file).

From device {2} ({3}), key {4}.</source>
        <translation>
            <numerusform>%n new record queued for sync, {0} already known (of {1} in the file).

From device {2} ({3}), key {4}.</numerusform>
            <numerusform>%n new records queued for sync, {0} already known (of {1} in the file).

From device {2} ({3}), key {4}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n record(s)</source>
        <translation>
            <numerusform>Imported %n record</numerusform>
            <numerusform>Imported %n records</numerusform>
        </translation>
    </message>
</context>
</TS>
