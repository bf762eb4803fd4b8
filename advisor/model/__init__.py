"""Pure values shared by every stage: the project as read, and the advice about it."""
