"""The guide plugin's parts, one module each; guidekit/plugin/order.py says when each one runs."""
