"""(being written)"""
from flask import Blueprint

bp = Blueprint("deep_linking", __name__)
