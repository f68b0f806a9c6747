"""The word lists, as data (the CSV files in this folder), and the code that reads them."""
