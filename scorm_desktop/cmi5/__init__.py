"""cmi5 and Tin Can (xAPI) courses: their launch and the LMS rules. Plain Python, no Qt. (Their packages are read by
`package/descriptor.py` and `package/course_structure.py`: the LMS depends on package reading, never the reverse.)"""

#: The states of a cmi5 session that has not ended (`cmi5_sessions.state`): a crash leaves these to be abandoned.
OPEN_STATES = ("launched", "initialized")
