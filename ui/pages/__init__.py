"""The app's pages: scripts ``st.navigation`` runs (see :data:`ui.navigation.PAGES`), layout and widgets only.

Streamlit runs a page as ``__main__``; each page draws itself only then, so importing it (doctests, mypy) draws
nothing and reads no store.
"""
