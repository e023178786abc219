"""cmi5 and Tin Can (xAPI) courses: their packages, launch and the LMS rules. Plain Python, no Qt."""

#: The states of a cmi5 session that has not ended (`cmi5_sessions.state`): a crash leaves these to be abandoned.
OPEN_STATES = ("launched", "initialized")
