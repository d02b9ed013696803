"""What the app's screens, steps and widgets share, below all of them: the context, the
command and screen contracts, the write policy, help texts and safe text."""
