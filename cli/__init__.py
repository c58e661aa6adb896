"""govmeta's front door: commands, inputs, outputs, progress and exit codes."""
