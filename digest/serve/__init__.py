"""`digest serve`: the live-reload preview."""
