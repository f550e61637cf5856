"""What the pages draw with: ``graph_picture`` (nodes and edges → an offline vis-network page, no Streamlit),
``source_view`` (a document's text with the line of each fact marked), ``report_view`` (a report's tables and
its .xlsx, .docx and .csv downloads) and ``widgets`` (the search picker, the date picker, tables, the graph
frame)."""
