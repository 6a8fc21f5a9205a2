"""The inspectors' comparison dashboard (pyqtgraph): imported when first shown, since pyqtgraph takes
~0.5 s to import and data entry never needs it."""
