"""Role-play workshops: the plan, role rotation, the round timer, the record and its debrief."""
