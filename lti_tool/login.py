"""(being written)"""
from flask import Blueprint

bp = Blueprint("login", __name__)
