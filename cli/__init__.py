"""dxscore's command line: the parser (`cli.parser`), the commands (one module per area), the service wiring
(`cli.wiring`) and the run loop with its exit codes (`cli.app`). main.py only calls `cli.app`; nothing here
imports main.py. Only `cli.window` imports the GUI, and only when the window is asked for."""
