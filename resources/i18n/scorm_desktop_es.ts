<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>WebEnv</source>
        <comment>Open an outside address?</comment>
        <extracomment>What course content may reach, and how an outside link is opened (both replaceable, e.g. in tests).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebEnv</source>
        <comment>The course wants to open this address in your web browser:</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: {0} is already in the library as course {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: {0} updated course {1} ({2}); learners&apos; records are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library is empty. Import a course with: scorm-desktop import COURSE.zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learning records yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: there is no backup &apos;{0}&apos; (see: scorm-desktop backups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet. One is taken every day the app is used, and before every upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and every learner&apos;s records of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(learners&apos; records are kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: this removes &apos;{0}&apos; {1}; add --yes to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed course {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiLogPanel</name>
    <message>
        <source>SCORM API log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM API calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check a course — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {0}: validating the package, then running every item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} — {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the check report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseDetailsDialog</name>
    <message>
        <source>Course details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opens it for review (nothing changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts a new attempt (the old one stays in history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once completed, a launch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow internet access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off (recommended): the course&apos;s pages cannot reach any web address; everything they need is in the package. On: they may load pages, videos and data from the internet, and send data there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links to web sites always open in your browser, after you confirm the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item, a SCO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item, an asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} items, all SCOs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} items, all assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 SCO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} SCOs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} items: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseTab</name>
    <message>
        <source>Search courses (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners by status (chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter learners by name (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter learners by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners of the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,} of {1:,} course(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,} course(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learners yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Status</source>
        <extracomment>Emitted after a query&apos;s first page is in the model (and after each further page). Emitted when a query failed (the message is for the status line). The progress as a fraction 0..1 (or None), for the progress bar delegate. (header, sort key) per column; the first column is the course or the learner.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt {0}; completion: {1}; success: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumes at: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <extracomment>Words the app shows that come from data (status labels, stored values): marked here so lupdate extracts them; the code shows them with QCoreApplication.translate(context, word).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>browsed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>By &amp;learner</source>
        <extracomment>The user asked to play (resume) this course for the active learner. A line for the owner&apos;s status bar.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the selected course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a printable PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the learner or course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the table shown, with its filter and order, as CSV (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a printable PDF report of this learner or course (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the records again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the selected course for the active learner (Ctrl+Enter, or double-click the row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the records: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses play for the active learner ({0}); {1} is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,} of {1:,} row(s) loaded{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a learner or a course first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0:,} row(s) to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} could not be written: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Dashboard – SCORM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnerMenu</name>
    <message>
        <source>&amp;Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch learner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview mode (trainer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launches run in browse mode, are not recorded and never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear preview records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now learning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no learner yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0} and their records on this computer?

Results already waiting to be synced are still sent; nothing else can be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — PREVIEW MODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview mode: launches run in browse mode and are not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview mode is off: launches are recorded for the learner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared {0} preview attempt(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnerTab</name>
    <message>
        <source>Learner</source>
        <extracomment>The widest the resume point column grows to show its values (longer ones are elided; the tooltip has them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter courses by title (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter courses by title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses of the learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learner has records yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>course(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>SCORM 2004 2nd Edition</source>
        <extracomment>The editions&apos; names as standard_label() shows them (marked for translation: &quot;4th Edition&quot; reads differently).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM 2004 3rd Edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM 2004 4th Edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Course library</source>
        <extracomment>The manifest identifier of the bundled sample course (resources/sample-course). The active learner as the last refresh found it (None: no learner yet).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your library is empty&lt;/h2&gt;&lt;p&gt;Drop a SCORM package (.zip) here,&lt;br&gt;or choose &lt;b&gt;File › Import course…&lt;/b&gt; (Ctrl+O).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting course videos… {0:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import SCORM packages (.zip) into the library (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;folder of courses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check a course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate a package and run its items unattended; nothing is recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the selected course (Enter, or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every learner&apos;s status on every course (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show courses by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update from a newer package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove from library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SCORM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SCORM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;SCORM Desktop {0}&lt;/b&gt;&lt;p&gt;An offline-first player for SCORM 1.2 and SCORM 2004 courses.&lt;/p&gt;&lt;p&gt;Data folder: {1}&lt;br&gt;Logs: {2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{0}” from the library?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its files are deleted. Learners&apos; records are kept (in reports, the dashboard and the sync queue) unless you also delete them; importing the package again brings the course back with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove, keep records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove with records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer version of “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM packages (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That version is already in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” was updated; learners&apos; records are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start “{0}” again from the beginning for {1}?

The current attempt is kept in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup yet. SCORM Desktop takes one every day it is used and before every upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the library as it was on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the library from the backup of {0}?

Learning records made after it will not be in the restored library; the current database is kept as a file beside it. SCORM Desktop closes now and opens the restored library the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} course(s). Double-click a course to play it; drop a .zip here to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import SCORM course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every course in a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0} ({1} of {2})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0} package(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is already in the library as “{1}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was not imported: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing half-imported was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} imported, {1} already present, {2} refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaJobs</name>
    <message>
        <source>The course&apos;s videos could not be converted: {0}</source>
        <extracomment>How long a quit waits for the child to save its state before killing it. (course id, summary): {&quot;files&quot;, &quot;pending&quot;, &quot;running&quot;, &quot;done&quot;, &quot;failed&quot;, &quot;cancelled&quot;, &quot;progress&quot;, &quot;current&quot;}. (course id, summary) when a course&apos;s run ended (done, cancelled, or stopped with files failed). A sentence for the status bar (the main window&apos;s or the player&apos;s).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} media file(s) of a course could not be converted; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course&apos;s videos are being converted ({0:.0%}); until then &apos;{1}&apos; may stay black or silent. Reopen the page when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; uses a format this player cannot decode, and converting media is turned off in the settings; it may stay black or silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course&apos;s videos are queued for conversion; until then &apos;{0}&apos; may stay black or silent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN for {0} (leave empty for none):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s PIN:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>Your progress could not be saved: {0}. Free some disk space; nothing is lost — it is kept here and saved as soon as there is room.</source>
        <extracomment>How often unsaved values are retried while the disk is full. How long closing waits for a hung page to hand over its last values before ending the session without them. (level, text, source, line) of every console message of the player page and the content. A launch is under way (the content is loading). A session ended: (launch, reason). No item is left to play: the reason (&quot;finished&quot;, &quot;suspended&quot;, &quot;closed&quot;, ...). A launch could not start: a sentence for the user. A sentence for the learner while values cannot be written (disk full); &quot;&quot; once all is saved again. Entries of the API log (every call with arguments, result, error code and time). The navigation state changed: `Navigator.ui_state()` (buttons, table of contents, progress, course status). A sentence about navigation for the learner (a refused request, nothing more to open, ...). No item runs and the course waits for the learner&apos;s choice: the sentence to show. Trainer preview: browse mode under the preview learner, never synced. Headless: the content&apos;s alert/confirm/prompt dialogs are answered, not shown. The web profile of the learner being played (set at each launch). After a SCO ends without a navigation request: Continue when valid (headless), instead of waiting. The course&apos;s navigation; used only on the worker thread. The last navigation state (for the window and tests). The course is over (courseEnded was emitted) or has not begun.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <source>SCORM Desktop player</source>
        <extracomment>What each status icon means (also the tooltip&apos;s first words). The window closed and its session is saved. A session ended (for the library to refresh its status column). (request, label, tooltip) of the toolbar&apos;s navigation buttons, in order. Requests that throw away what the current attempt did: offered in a menu, not as buttons.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p% done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save progress and close the course (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every SCORM call the course makes (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — PREVIEW (not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing “{0}” as {1}. Progress is saved as you go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course: passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course: failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course: completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course: not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course: in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — score {0}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” has ended; your progress is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have reached the end of the course. Your results are saved; you can close the player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course is suspended; it resumes where you left off next time. You can close the player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is saved again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course could not start: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving and moving on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your progress…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course run-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM 1.2 allows 4,096 characters of suspend data; Storyline and Rise write more. 4,096 is strict; the default 64,000 keeps such courses resuming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM 1.2 suspend data limit (characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept interaction formats authoring tools get wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept broken session times (P0S, PT, hours over 99) and count them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecked, the specification&apos;s formats only. Changes apply to the next launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video and audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert H.264/AAC media to a format the player can show (in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect at the next start. A new folder starts an empty library; copy the current folder there first to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run uses a folder given by --data-dir or SCORM_DESKTOP_DATA.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwitchLearnerDialog</name>
    <message>
        <source>Who is learning?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or type a new learner&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name. Each learner&apos;s progress is kept apart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <extracomment>The settings (and the password, if one was typed) are on disk / in the keyring.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LRS&apos;s xAPI base address: the part before &apos;statements&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address the learners&apos; accounts belong to (statements&apos; actor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner account &amp;home page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the LRS endpoint first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must start with https:// (or http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync settings could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync status</source>
        <extracomment>&quot;Sync now&quot;. F5 is Refresh in the Course menu; F9 is &quot;Send/Receive&quot; in mail programs. UTC ISO time the last sync run that ended without an error finished. The LRS answered the last probe (True), did not (False), not probed yet (None). Seconds until the next try, when waiting after a failure.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRS: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (Sync › Settings…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: {0}; sent: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the LRS: {0} conflict(s), {1} invalid (see `scorm-desktop sync`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try in {0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sync now ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the learning records to the LRS now ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the records not yet sent to a signed file (for a USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the records of a file from another computer for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} record(s) were written to {1}.

Import this file on a computer that can reach the LRS (Sync › Import records…). They stay queued here too: whichever computer syncs first sends them, and the LRS keeps one copy.

This computer&apos;s key: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} record(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first time this computer sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} new record(s) queued for sync, {1} already known (of {2} in the file).

From device {3} ({4}), key {5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {0} record(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; could not be used: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to SCORM Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample course now (about five minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is learning on this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a name: your results are recorded under it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Check a course package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCORM packages (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <extracomment>Wait this long after the last key in a filter field before querying again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not finished (not started, in progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished (completed, passed, failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only this status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source> shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completion rate &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average progress &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average score &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
