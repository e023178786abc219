"""The course library: importing a package (package reading, media probing, dispatch files) into the data folder and
the course rows that record it (`courses.py`), and finishing or re-attaching what a crash or a restore left
(`recovery.py`). It sits above storage, package, media and dispatch and calls them; none of them imports it.
Plain Python, no Qt."""
