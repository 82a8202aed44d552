"""The panels beside the tables: loss and parameters, totals, formula, curve, other tools, plot."""
