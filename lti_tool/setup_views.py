"""(being written)"""
from flask import Blueprint

bp = Blueprint("setup_views", __name__)
