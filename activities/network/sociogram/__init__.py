"""Where people and lines go in a drawing: angles, rings, routes, the change between moments."""
