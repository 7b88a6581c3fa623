"""A small demo LMS built on lti1p3platform: a course, people, real LTI 1.3 launches, deep linking,
AGS and NRPS against the Leernetwerk tool. The tool never imports this package, nor it the tool."""
from demo_lms.app import create_demo_lms
from demo_lms.registration import CLIENT_ID, DEPLOYMENT_ID, registration_values

__all__ = ["CLIENT_ID", "DEPLOYMENT_ID", "create_demo_lms", "registration_values"]
