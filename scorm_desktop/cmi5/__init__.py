"""cmi5 and Tin Can (xAPI) courses: their packages, launch and the LMS rules. Plain Python, no Qt."""
