"""One module per `kg` sub-command, plus the options they share."""
