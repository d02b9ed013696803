from convocoach.cli import run

run()
