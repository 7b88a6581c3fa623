"""Pure measures of drawings and the course network: no database, no request."""
