"""Role-play rehearsals: the scripted client, the engine, the scorecard."""
