"""Leernetwerk's LTI 1.3 tool core: the app factory and the public API activities use."""
from lti_tool.app import create_app

__all__ = ["create_app"]
