"""LTI Dynamic Registration 1.0, tool side: an LMS registers Leernetwerk through an operator's invite.

`platform_config` reads and checks the LMS's openid configuration, `tool_config` says what we ask for,
`enrol` posts it and stores the answer as a Platform, `views` is the page the LMS opens.
"""
