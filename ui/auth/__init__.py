"""Who may see and do what in the app: accounts, roles, clearance, sign-in, and the record of actions.

===================  =================================================================================
``roles.py``         the four roles, what each may do (:class:`Permission`), Vietnamese names
``accounts.py``      the accounts file (argon2 hashes, mode 0600) and :class:`LocalAccounts`
``identity.py``      :class:`IdentityProvider`: the seam for another source of identities
``throttle.py``      failed sign-ins counted per account and per client, with a lock-out period
``audit.py``         the append-only record of actions (``KG_AUDIT_LOG``)
``session.py``       Streamlit: when sign-in is needed, the form, the signed-in account, ``require``
===================  =================================================================================

Everything but ``session.py`` is plain Python (no Streamlit), tested on its own.
"""
