"""dxscore's entry point. With no command it opens the window (without a display: the demo database and its
current ranking); with a command it runs headless and never imports Qt. The command line lives in cli/
(`cli.app` runs a command, `cli.parser` lists them)."""

from cli.app import main, run_as_script

__all__ = ["main"]

if __name__ == "__main__":
    run_as_script()
