"""The organisation view (seed 004's HR view): who may see it, the HR files it reads, and its commands."""
