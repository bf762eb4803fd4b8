"""What aap-advise knows that the package index does not tell: shipped, validated data."""
