"""What Leernetwerk asks an LMS for when it registers (LTI DR 1.0 §3.3, the tool configuration)."""
from urllib.parse import urlsplit

from flask import current_app

from lti_tool.dynamic_registration.platform_config import DEEP_LINKING, RESOURCE_LINK
from lti_tool.platforms import FAMILIES, GENERIC

TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/"
SCORE_SCOPE = AGS + "score"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
WANTED_SCOPES = (AGS + "lineitem", AGS + "result.readonly", SCORE_SCOPE, NRPS_SCOPE)
# Names, never e-mail: facilitators see who took part, nothing more is needed.
CLAIMS = ("iss", "sub", "name", "given_name", "family_name")
ICON_PATH = "/static/img/leernetwerk-icon.png"

# Not translated through the catalogue: the LMS stores both languages, keyed as OIDC prescribes.
NAME = "Leernetwerk"
DESCRIPTION = {"en": "Learning-network exercises inside your course: statement voting, network drawing, "
                     "hinders and drivers, expectations and evaluations.",
               "nl": "Oefeningen voor lerende netwerken in je cursus: stellingen, netwerktekening, "
                     "remmers en motoren, verwachtingen en evaluaties."}
LABELS = {RESOURCE_LINK: {"en": "Leernetwerk", "nl": "Leernetwerk"},
          DEEP_LINKING: {"en": "Add a Leernetwerk activity", "nl": "Leernetwerk-activiteit toevoegen"}}


def tool_urls():
    """The tool's own endpoints under BASE_URL."""
    base = current_app.config["BASE_URL"]
    return {"launch": f"{base}/lti/launch", "login": f"{base}/lti/login", "jwks": f"{base}/.well-known/jwks.json",
            "icon": base + ICON_PATH, "domain": urlsplit(base).netloc}


def registration_request(config):
    """The JSON body we POST to the LMS's registration endpoint, fitted to what it offers."""
    urls = tool_urls()
    family = FAMILIES.get(config.family, GENERIC)
    messages = [_message(RESOURCE_LINK, urls, ())]
    if config.offers_message(DEEP_LINKING):
        messages.append(_message(DEEP_LINKING, urls, family.deep_linking_placements))
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": urls["login"],
        "redirect_uris": [urls["launch"]],
        "client_name": NAME,
        "client_name#nl": NAME,
        "jwks_uri": urls["jwks"],
        "logo_uri": urls["icon"],
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join(config.offered(WANTED_SCOPES)),
        TOOL_CONFIGURATION: {
            "domain": urls["domain"],
            "target_link_uri": urls["launch"],
            "description": DESCRIPTION["en"],
            "description#nl": DESCRIPTION["nl"],
            "claims": list(CLAIMS),
            "messages": messages,
        },
    }


def _message(message_type, urls, placements):
    message = {"type": message_type, "target_link_uri": urls["launch"], "label": LABELS[message_type]["en"],
               "label#nl": LABELS[message_type]["nl"], "icon_uri": urls["icon"]}
    if placements:
        message["placements"] = list(placements)
    return message
