"""Modal questions and forms that screens and steps both open (confirm, a conflict with
another window, a next step, the email editor, the export form): below the screens and the
steps, so either can import them."""
