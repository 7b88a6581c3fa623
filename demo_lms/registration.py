"""What an LMS administrator enters in the tool to register the demo LMS, and what the LMS knows of the tool."""

CLIENT_ID = "leernetwerk-demo"
DEPLOYMENT_ID = "demo-deployment-1"


def registration_values(lms_url):
    """The values `leernetwerk platform add` needs for a demo LMS served at `lms_url`."""
    lms_url = lms_url.rstrip("/")
    return {
        "issuer": lms_url,
        "client_id": CLIENT_ID,
        "deployment_id": DEPLOYMENT_ID,
        "auth_login_url": f"{lms_url}/lti/auth",
        "auth_token_url": f"{lms_url}/lti/token",
        "jwks_url": f"{lms_url}/lti/jwks",
    }


def tool_values(tool_url):
    """The tool's endpoints as the LMS administrator registered them (one tool, one registration)."""
    tool_url = tool_url.rstrip("/")
    return {
        "login_url": f"{tool_url}/lti/login",
        "launch_url": f"{tool_url}/lti/launch",
        "deep_linking_url": f"{tool_url}/lti/launch",
        "jwks_url": f"{tool_url}/.well-known/jwks.json",
        # Redirect URIs the auth endpoint may send id_tokens to.
        "redirect_uris": (f"{tool_url}/lti/launch",),
    }
