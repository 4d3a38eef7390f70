"""Training the workbench's learned parts from data: ``workbench train qa`` (:mod:`.qa`)."""
