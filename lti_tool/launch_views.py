"""(being written)"""
from flask import Blueprint

bp = Blueprint("launch_views", __name__)
