#!/usr/bin/python3
"""Whole IMAP sessions with Python's imaplib (and a raw client where imaplib hides the bytes):
STARTTLS and implicit TLS, capabilities, LOGIN and AUTHENTICATE PLAIN, folders (LIST with
special-use and CHILDREN attributes, CREATE, RENAME, DELETE, SUBSCRIBE, STATUS), SELECT and
EXAMINE, APPEND, every FETCH item on a multipart message delivered over SMTP, STORE, COPY,
MOVE, EXPUNGE, SEARCH and ESEARCH, CONDSTORE, ENABLE, ID, NAMESPACE, UNSELECT, CLOSE, LOGOUT,
and what survives a restart of the service."""

import base64
import datetime
import imaplib
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import imapcase  # noqa: E402
from imapcase import (  # noqa: E402
    EXPECTED_CAPABILITIES, SPECIAL_USE, ImapTestCase, capabilities, fetch_items, imaplib_fetches,
    flagset, lower_strings, multipart_message, parse_list, parse_sexp, response_code, simple_message,
)

ALICE = "alice@example.test"


def plain_ir(user, password):
    return base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()


def internaldate(value):
    """A datetime from an INTERNALDATE value (quoted or not)."""
    text = value.decode() if isinstance(value, bytes) else value
    return datetime.datetime.strptime(text.strip('"').strip(), "%d-%b-%Y %H:%M:%S %z")


def untagged_number(response, word):
    """n of "* n WORD" in a raw response, or None."""
    for line in response.untagged:
        match = re.match(rb"^\* (\d+) " + word.encode() + rb"$", line, re.I)
        if match:
            return int(match.group(1))
    return None


def code_value(response, name):
    """The value of a [NAME value] response code in a raw response (untagged or tagged)."""
    for line in response.untagged + [response.tagged]:
        match = re.search(rb"\[" + name.encode() + rb"(?: ([^\]]*))?\]", line, re.I)
        if match:
            return (match.group(1) or b"").decode()
    return None


class SessionTest(ImapTestCase):
    PASSWORDS = {ALICE: "alice imap password"}

    # --- connection, TLS, capabilities, authentication -------------------------------------------

    def test_capabilities_plain_port_then_starttls(self):
        client = self.raw_imap()
        self.assertTrue(client.greeting.startswith(b"* OK"), client.greeting)
        before = self.assertOk(client.command("CAPABILITY"))
        caps = capabilities(before.starting(b"* CAPABILITY")[0])
        self.assertIn("IMAP4rev1", caps)
        self.assertIn("STARTTLS", caps)
        self.assertIn("LOGINDISABLED", caps, "plain port before STARTTLS")
        self.assertNotIn("AUTH=PLAIN", caps, "AUTH=PLAIN offered where it is refused")
        self.assertStatus(client.command("LOGIN %s %s" % (ALICE, imapcase.pwharness.quoted(self.PASSWORDS[ALICE]))),
                          ("NO", "BAD"), "LOGIN before STARTTLS")
        self.assertStatus(client.command("AUTHENTICATE PLAIN " + plain_ir(ALICE, self.PASSWORDS[ALICE])),
                          ("NO", "BAD"), "AUTHENTICATE before STARTTLS")
        self.assertOk(client.starttls())
        after = self.assertOk(client.command("CAPABILITY"))
        caps = capabilities(after.starting(b"* CAPABILITY")[0])
        self.assertNotIn("STARTTLS", caps)
        self.assertNotIn("LOGINDISABLED", caps)
        for name in ("IMAP4rev1", "AUTH=PLAIN", "SASL-IR"):
            self.assertIn(name, caps, "after STARTTLS")
        self.assertStatus(client.command("STARTTLS"), ("BAD", "NO"), "a second STARTTLS")
        client.login(ALICE, self.PASSWORDS[ALICE])
        logged_in = self.assertOk(client.command("CAPABILITY"))
        caps = capabilities(logged_in.starting(b"* CAPABILITY")[0])
        missing = [name for name in EXPECTED_CAPABILITIES if name not in caps]
        self.assertEqual(missing, [], "capabilities after login: %s" % sorted(caps))
        self.assertNotIn("LOGINDISABLED", caps)

    def test_imaplib_starttls_session(self):
        client = self.imap_connect(tls="starttls")
        self.assertNotIn("STARTTLS", client.capabilities)
        typ, data = client.login(ALICE, self.PASSWORDS[ALICE])
        self.assertEqual(typ, "OK", data)
        self.assertEqual(client.state, "AUTH")
        typ, data = client.select("INBOX")
        self.assertEqual(typ, "OK", data)
        typ, data = client.noop()
        self.assertEqual(typ, "OK", data)
        typ, data = client.logout()
        self.assertEqual(typ, "BYE", data)

    def test_implicit_tls(self):
        client = self.raw_imap(tls=True)
        self.assertTrue(client.greeting.startswith(b"* OK"), client.greeting)
        response = self.assertOk(client.command("CAPABILITY"))
        caps = capabilities(response.starting(b"* CAPABILITY")[0])
        self.assertNotIn("STARTTLS", caps)
        self.assertNotIn("LOGINDISABLED", caps)
        self.assertIn("AUTH=PLAIN", caps)
        self.assertStatus(client.command("STARTTLS"), ("BAD", "NO"), "STARTTLS over implicit TLS")
        client.login(ALICE, self.PASSWORDS[ALICE])
        imap = self.imap_connect(tls="implicit", user=ALICE, password=self.PASSWORDS[ALICE])
        self.assertEqual(imap.state, "AUTH")

    def test_login_wrong_then_right(self):
        client = self.raw_imap(tls=True)
        wrong = client.command('LOGIN %s "not the password"' % ALICE)
        self.assertStatus(wrong, "NO", "wrong password")
        self.assertIn("AUTHENTICATIONFAILED", wrong.text, "RFC 5530 response code")
        self.assertStatus(client.command('LOGIN nobody@example.test "whatever"'), "NO", "unknown account")
        client.login(ALICE, self.PASSWORDS[ALICE])
        self.assertStatus(client.command("LOGIN %s %s" % (ALICE, imapcase.pwharness.quoted(self.PASSWORDS[ALICE]))),
                          ("BAD", "NO"), "LOGIN when already authenticated")
        with self.assertRaises(imaplib.IMAP4.error):
            self.imap_connect(tls="implicit", user=ALICE, password="wrong again")

    def test_authenticate_plain(self):
        password = self.PASSWORDS[ALICE]
        # SASL-IR: the initial response on the command line.
        client = self.raw_imap(tls=True)
        self.assertOk(client.command("AUTHENTICATE PLAIN " + plain_ir(ALICE, password)), "SASL-IR")
        # Without SASL-IR: an empty continuation, then the response.
        client = self.raw_imap(tls=True)
        tag = client.next_tag()
        client.send(tag.encode() + b" AUTHENTICATE PLAIN\r\n")
        continuation = client.continuation()
        self.assertTrue(continuation in (b"+", b"+ ") or continuation.startswith(b"+ "), continuation)
        client.send(plain_ir(ALICE, password).encode() + b"\r\n")
        self.assertOk(client.read_until_tagged(tag), "AUTHENTICATE with continuation")
        # A wrong password, and a client that cancels.
        client = self.raw_imap(tls=True)
        self.assertStatus(client.command("AUTHENTICATE PLAIN " + plain_ir(ALICE, "wrong")), "NO", "wrong password")
        tag = client.next_tag()
        client.send(tag.encode() + b" AUTHENTICATE PLAIN\r\n")
        client.continuation()
        client.send(b"*\r\n")
        self.assertStatus(client.read_until_tagged(tag), "BAD", "cancelled AUTHENTICATE (RFC 9051 6.2.2)")
        self.assertStatus(client.command("AUTHENTICATE PLAIN " + base64.b64encode(b"garbage").decode()),
                          ("NO", "BAD"), "malformed PLAIN response")
        self.assertStatus(client.command("AUTHENTICATE CRAM-MD5"), ("NO", "BAD"), "mechanism not offered")
        # And imaplib's own AUTHENTICATE.
        imap = self.imap_connect(tls="implicit")
        typ, data = imap.authenticate("PLAIN", lambda _: b"\0" + ALICE.encode() + b"\0" + password.encode())
        self.assertEqual(typ, "OK", data)

    # --- folders ---------------------------------------------------------------------------------

    def listing(self, client, reference='""', pattern="*", command="list"):
        typ, data = getattr(client, command)(reference, pattern)
        self.assertEqual(typ, "OK", data)
        return {name: (attributes, delimiter) for attributes, delimiter, name in
                (parse_list(line) for line in data if line)}

    def test_list_special_use_and_children(self):
        user = self.account()
        client = self.login(user)
        folders = self.listing(client)
        self.assertEqual(sorted(folders), sorted(["INBOX"] + list(SPECIAL_USE)), folders)
        for name, (attributes, delimiter) in folders.items():
            self.assertEqual(delimiter, "/", name)
            self.assertIn("\\hasnochildren", attributes, name)
            if name in SPECIAL_USE:
                self.assertIn(SPECIAL_USE[name].lower(), attributes, name)
        self.assertOk(client.create("Projects/2026"))
        folders = self.listing(client)
        self.assertIn("\\haschildren", folders["Projects"][0], folders)
        self.assertIn("\\hasnochildren", folders["Projects/2026"][0], folders)
        top = self.listing(client, '""', "%")
        self.assertNotIn("Projects/2026", top)
        self.assertIn("Projects", top)
        below = self.listing(client, '""', "Projects/%")
        self.assertEqual(list(below), ["Projects/2026"])
        # The hierarchy delimiter: LIST "" "".
        typ, data = client.list('""', '""')
        self.assertEqual(typ, "OK", data)
        attributes, delimiter, name = parse_list(data[0])
        self.assertEqual((delimiter, name), ("/", ""), data)
        self.assertIn("\\noselect", attributes)
        # INBOX is case-insensitive.
        typ, data = client.select("inbox")
        self.assertEqual(typ, "OK", data)

    def test_create_rename_delete(self):
        user = self.account()
        client = self.login(user)
        self.assertOk(client.create("a"))
        self.assertOk(client.create("a/b"))
        typ, data = client.create("a")
        self.assertEqual(typ, "NO", "CREATE of an existing folder: %r" % data)
        typ, data = client.create("INBOX")
        self.assertEqual(typ, "NO", "CREATE INBOX: %r" % data)
        # A message in a/b moves with it.
        self.assertOk(client.append("a/b", None, None, simple_message(subject="in a/b")))
        self.assertOk(client.rename("a", "c"))
        folders = self.listing(client)
        self.assertNotIn("a", folders)
        self.assertNotIn("a/b", folders)
        self.assertIn("c", folders)
        self.assertIn("c/b", folders, "RENAME moves the inferior names")
        typ, data = client.status("c/b", "(MESSAGES)")
        self.assertEqual(typ, "OK", data)
        self.assertIn(b"MESSAGES 1", data[0])
        typ, data = client.rename("nothere", "z")
        self.assertEqual(typ, "NO", data)
        typ, data = client.rename("c", "Sent")
        self.assertEqual(typ, "NO", "RENAME onto an existing folder: %r" % data)
        # Superior names are created with their inferiors.
        self.assertOk(client.create("x/y/z"))
        folders = self.listing(client)
        self.assertIn("x/y/z", folders)
        self.assertIn("x", folders)
        self.assertIn("x/y", folders)
        # DELETE
        self.assertOk(client.delete("c/b"))
        self.assertOk(client.delete("c"))
        folders = self.listing(client)
        self.assertNotIn("c", folders)
        self.assertNotIn("c/b", folders)
        typ, data = client.delete("c")
        self.assertEqual(typ, "NO", "DELETE of a folder that is gone: %r" % data)
        typ, data = client.delete("INBOX")
        self.assertEqual(typ, "NO", "DELETE INBOX: %r" % data)
        # A name with inferiors: DELETE may refuse or keep the name as \Noselect, but the
        # inferiors stay.
        client.delete("x/y")
        self.assertIn("x/y/z", self.listing(client))
        # RENAME INBOX moves its messages to the new name and leaves INBOX empty.
        self.assertOk(client.append("INBOX", None, None, simple_message(subject="inbox one")))
        self.assertOk(client.append("INBOX", None, None, simple_message(subject="inbox two")))
        self.assertOk(client.rename("INBOX", "Old/inbox"))
        typ, data = client.status("Old/inbox", "(MESSAGES)")
        self.assertEqual(typ, "OK", data)
        self.assertIn(b"MESSAGES 2", data[0])
        typ, data = client.status("INBOX", "(MESSAGES)")
        self.assertEqual(typ, "OK", data)
        self.assertIn(b"MESSAGES 0", data[0])
        # A UTF-7 name survives the round trip (imaplib does not encode; send modified UTF-7).
        self.assertOk(client.create("Caf&AOk-"))
        self.assertIn("Caf&AOk-", self.listing(client))

    def test_subscribe_lsub(self):
        user = self.account()
        client = self.login(user)
        self.assertOk(client.create("Lists/weekly"))
        self.assertOk(client.subscribe("Lists/weekly"))
        subscribed = self.listing(client, command="lsub")
        self.assertIn("Lists/weekly", subscribed)
        self.assertEqual(subscribed["Lists/weekly"][1], "/")
        self.assertOk(client.unsubscribe("Lists/weekly"))
        self.assertNotIn("Lists/weekly", self.listing(client, command="lsub"))

    def test_status(self):
        user = self.account()
        self.deliver(user, simple_message(to=user))
        self.deliver(user, simple_message(to=user))
        client = self.login(user)
        typ, data = client.status("INBOX", "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ)")
        self.assertEqual(typ, "OK", data)
        values = dict(re.findall(rb"([A-Z]+) (\d+)", data[0].split(b"(", 1)[1]))
        self.assertEqual(values.get(b"MESSAGES"), b"2", data)
        self.assertEqual(values.get(b"UIDNEXT"), b"3", data)
        self.assertEqual(values.get(b"UNSEEN"), b"2", data)
        self.assertGreater(int(values.get(b"UIDVALIDITY", b"0")), 0, data)
        modseq = int(values.get(b"HIGHESTMODSEQ", b"0"))
        self.assertGreater(modseq, 0, data)
        typ, select = client.select("INBOX")
        self.assertEqual(response_code(client.untagged_responses.get("OK"), "UIDVALIDITY"),
                         values[b"UIDVALIDITY"].decode())
        self.assertOk(client.store("1", "+FLAGS", "\\Seen"))
        typ, data = client.status("INBOX", "(UNSEEN HIGHESTMODSEQ)")
        self.assertEqual(typ, "OK", data)
        after = dict(re.findall(rb"([A-Z]+) (\d+)", data[0].split(b"(", 1)[1]))
        self.assertEqual(after.get(b"UNSEEN"), b"1", data)
        self.assertGreater(int(after.get(b"HIGHESTMODSEQ", b"0")), modseq, data)
        typ, data = client.status("Sent", "(MESSAGES UIDNEXT)")
        self.assertEqual(typ, "OK", data)
        self.assertRegex(data[0], rb'^"?Sent"? \((MESSAGES 0 UIDNEXT 1|UIDNEXT 1 MESSAGES 0)\)$')
        typ, data = client.status("Nothere", "(MESSAGES)")
        self.assertEqual(typ, "NO", data)

    def test_select_and_examine(self):
        user = self.account()
        self.deliver(user, simple_message(to=user))
        self.deliver(user, simple_message(to=user))
        client = self.raw_login(user)
        selected = self.assertOk(client.command("SELECT INBOX"))
        flags = selected.starting(b"* FLAGS ")
        self.assertEqual(len(flags), 1, selected)
        for flag in (b"\\Answered", b"\\Flagged", b"\\Deleted", b"\\Seen", b"\\Draft"):
            self.assertIn(flag, flags[0])
        self.assertEqual(untagged_number(selected, "EXISTS"), 2, selected)
        self.assertIsNotNone(untagged_number(selected, "RECENT"), "RFC 3501 6.3.1: RECENT is required: %r" % selected)
        self.assertGreater(int(code_value(selected, "UIDVALIDITY") or 0), 0, selected)
        self.assertEqual(code_value(selected, "UIDNEXT"), "3", selected)
        permanent = code_value(selected, "PERMANENTFLAGS")
        self.assertIsNotNone(permanent, selected)
        self.assertIn("\\*", permanent, "keywords can be created")
        self.assertIn("\\Seen", permanent)
        self.assertIn("[READ-WRITE]", selected.text.upper())
        # With CONDSTORE (RFC 7162 3.1.2.1 and 3.2.3): HIGHESTMODSEQ.
        condstore = self.assertOk(client.command("SELECT INBOX (CONDSTORE)"))
        self.assertGreater(int(code_value(condstore, "HIGHESTMODSEQ") or 0), 0, condstore)
        self.assertEqual(code_value(condstore, "UIDVALIDITY"), code_value(selected, "UIDVALIDITY"))
        examined = self.assertOk(client.command("EXAMINE INBOX (CONDSTORE)"))
        self.assertEqual(code_value(examined, "HIGHESTMODSEQ"), code_value(condstore, "HIGHESTMODSEQ"))
        examined = self.assertOk(client.command("EXAMINE INBOX"))
        self.assertEqual(untagged_number(examined, "EXISTS"), 2, examined)
        self.assertIn("[READ-ONLY]", examined.text.upper())
        self.assertEqual(code_value(examined, "UIDVALIDITY"), code_value(selected, "UIDVALIDITY"))
        # STORE in a read-only folder: refused, or "ignored" (Dovecot says OK); never stored.
        self.assertStatus(client.command("STORE 1 +FLAGS (\\Flagged)"), ("NO", "BAD", "OK"), "STORE in EXAMINE")
        writer = self.raw_login(user)
        self.assertOk(writer.command("SELECT INBOX"))
        self.assertOk(writer.command("STORE 2 +FLAGS.SILENT (\\Deleted)"))
        writer.close()
        # EXPUNGE in a read-only folder: refused, or an OK that removes nothing (Dovecot).
        self.assertStatus(client.command("EXPUNGE"), ("NO", "BAD", "OK"), "EXPUNGE in EXAMINE")
        self.assertEqual(untagged_number(self.assertOk(client.command("EXAMINE INBOX")), "EXISTS"), 2)
        self.assertOk(client.command("FETCH 1 BODY[]"))
        flags = flagset(self.fetch_one(client, "FLAGS")["FLAGS"])
        self.assertEqual(flags, set(), "EXAMINE sets no flag, neither by STORE nor by BODY[]")
        # A failed SELECT leaves no folder selected.
        self.assertStatus(client.command("SELECT Nothere"), "NO", "SELECT of a missing folder")
        self.assertStatus(client.command("FETCH 1 FLAGS"), "BAD", "FETCH after a failed SELECT")

    # --- APPEND ----------------------------------------------------------------------------------

    def test_append_flags_date_and_fetch_back(self):
        user = self.account()
        client = self.login(user)
        message = simple_message(subject="appended draft", body=b"Body line 1\r\nBody line 2\r\n")
        date = imaplib.Time2Internaldate(datetime.datetime(2026, 1, 2, 10, 20, 30,
                                                           tzinfo=datetime.timezone(datetime.timedelta(hours=1))))
        typ, data = client.append("Drafts", "(\\Draft \\Seen $Custom)", date, message)
        self.assertEqual(typ, "OK", data)
        appenduid = response_code(data, "APPENDUID")
        self.assertIsNotNone(appenduid, data)
        uidvalidity, uid = appenduid.split()
        typ, data = client.select("Drafts")
        self.assertEqual(typ, "OK", data)
        self.assertEqual(response_code(client.untagged_responses.get("OK"), "UIDVALIDITY"), uidvalidity)
        typ, data = client.uid("FETCH", uid, "(BODY.PEEK[] FLAGS INTERNALDATE RFC822.SIZE)")
        self.assertEqual(typ, "OK", data)
        items = fetch_items(imaplib_fetches(data)[0])
        self.assertEqual(items["BODY[]"], message, "byte-exact")
        self.assertEqual(int(items["RFC822.SIZE"]), len(message))
        self.assertEqual(flagset(items["FLAGS"]), {"\\Draft", "\\Seen", "$Custom"})
        self.assertEqual(internaldate(items["INTERNALDATE"]),
                         datetime.datetime(2026, 1, 2, 9, 20, 30, tzinfo=datetime.timezone.utc))
        # Without flags and date: now, no flags.
        typ, data = client.append("Drafts", None, None, message)
        self.assertEqual(typ, "OK", data)
        second = response_code(data, "APPENDUID").split()[1]
        self.assertGreater(int(second), int(uid))
        typ, data = client.uid("FETCH", second, "(FLAGS INTERNALDATE)")
        items = fetch_items(imaplib_fetches(data)[0])
        self.assertNotIn("\\Seen", parse_sexp(items["FLAGS"]))
        age = datetime.datetime.now(datetime.timezone.utc) - internaldate(items["INTERNALDATE"])
        self.assertLess(abs(age.total_seconds()), 120, items["INTERNALDATE"])
        # The selected folder learns of the new message.
        typ, data = client.noop()
        self.assertEqual(client.untagged_responses.get("EXISTS", [b"2"])[-1], b"2")
        typ, data = client.append("Nothere", None, None, message)
        self.assertEqual(typ, "NO", data)
        self.assertIn(b"[TRYCREATE]", data[0])

    # --- FETCH -----------------------------------------------------------------------------------

    def delivered_multipart(self):
        user = self.account()
        subject = "multipart %f" % time.time()
        sent = multipart_message(subject, to=user)
        self.deliver(user, sent)
        client = self.raw_login(user)
        self.assertOk(client.command("SELECT INBOX"))
        peek = self.assertOk(client.command("FETCH 1 BODY.PEEK[]"))
        stored = fetch_items(peek.untagged[0])["BODY[]"]
        self.assertTrue(stored.endswith(sent), "the stored message ends with what was sent")
        return client, user, subject, sent, stored

    def fetch_one(self, client, items, seq="1"):
        """The items of one message's FETCH responses (a server may split them over several)."""
        response = self.assertOk(client.command("FETCH %s %s" % (seq, items)))
        fetches = fetch_responses(response)
        self.assertTrue(fetches, response)
        self.assertEqual({f.split(b" ")[1] for f in fetches}, {seq.encode()}, response)
        merged = {}
        for fetch in fetches:
            merged.update(fetch_items(fetch))
        return merged

    def test_fetch_every_item(self):
        client, user, subject, sent, stored = self.delivered_multipart()
        header_end = stored.index(b"\r\n\r\n") + 4
        header, text = stored[:header_end], stored[header_end:]

        items = self.fetch_one(client, "(FLAGS INTERNALDATE RFC822.SIZE UID MODSEQ)")
        self.assertEqual(flagset(items["FLAGS"]), set())
        age = datetime.datetime.now(datetime.timezone.utc) - internaldate(items["INTERNALDATE"])
        self.assertLess(abs(age.total_seconds()), 120)
        self.assertEqual(int(items["RFC822.SIZE"]), len(stored))
        self.assertEqual(items["UID"], b"1")
        self.assertGreater(parse_sexp(items["MODSEQ"])[0], 0)

        items = self.fetch_one(client, "(BODY.PEEK[HEADER] BODY.PEEK[TEXT] RFC822.HEADER)")
        self.assertEqual(items["BODY[HEADER]"], header)
        self.assertEqual(items["BODY[TEXT]"], text)
        self.assertEqual(items["RFC822.HEADER"], header)

        items = self.fetch_one(client, "BODY.PEEK[HEADER.FIELDS (SUBJECT)]")
        self.assertEqual(items["BODY[HEADER.FIELDS (SUBJECT)]"], b"Subject: " + subject.encode() + b"\r\n\r\n")
        items = self.fetch_one(client, "BODY.PEEK[HEADER.FIELDS.NOT (SUBJECT DATE)]")
        value = items["BODY[HEADER.FIELDS.NOT (SUBJECT DATE)]"]
        self.assertNotIn(b"Subject:", value)
        self.assertIn(b"Message-ID:", value)
        self.assertTrue(value.endswith(b"\r\n\r\n"))

        parts = {
            "1.MIME": b'Content-Type: multipart/alternative; boundary="inner-boundary"\r\n\r\n',
            "1.1": imapcase.MULTIPART_TEXT[:-2],
            "1.2.MIME": b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
            "1.2": imapcase.MULTIPART_HTML[:-2],
            "2.MIME": b'Content-Type: application/octet-stream; name="data.bin"\r\n'
                      b'Content-Disposition: attachment; filename="data.bin"\r\n'
                      b"Content-Transfer-Encoding: base64\r\n\r\n",
        }
        for section, expected in parts.items():
            items = self.fetch_one(client, "BODY.PEEK[%s]" % section)
            self.assertEqual(items["BODY[%s]" % section], expected, section)
        items = self.fetch_one(client, "BODY.PEEK[2]")
        self.assertEqual(base64.b64decode(items["BODY[2]"]), imapcase.MULTIPART_ATTACHMENT)
        items = self.fetch_one(client, "BODY.PEEK[TEXT]<0.10>")
        self.assertEqual(items["BODY[TEXT]<0>"], text[:10])
        items = self.fetch_one(client, "BODY.PEEK[]<5.7>")
        self.assertEqual(items["BODY[]<5>"], stored[5:12])

        items = self.fetch_one(client, "ENVELOPE")
        envelope = parse_sexp(items["ENVELOPE"])
        message_id = re.search(rb"Message-ID: (<[^>]+>)", sent).group(1)
        sender = [[b"Sender Name", None, b"sender", b"client.example.test"]]
        self.assertEqual(envelope, [
            b"Wed, 25 Nov 2026 12:00:00 +0000", subject.encode(), sender, sender, sender,
            [[b"Alice", None, user.split("@")[0].encode(), b"example.test"]],
            [[b"Carol", None, b"carol", b"example.test"]],
            None, b"<parent@client.example.test>", message_id,
        ])

        def lines(body):
            # A part's line count: RFC 3501 does not say whether an unterminated last line counts.
            return (body.count(b"\r\n"), body.count(b"\r\n") + 1)

        text_part = imapcase.MULTIPART_TEXT[:-2]
        html_part = imapcase.MULTIPART_HTML[:-2]
        items = self.fetch_one(client, "(BODYSTRUCTURE BODY)")
        for name in ("BODYSTRUCTURE", "BODY"):
            structure = lower_strings(parse_sexp(items[name]))
            alternative, attachment = structure[0], structure[1]
            self.assertEqual(structure[2], b"mixed", name)
            plain, html = alternative[0], alternative[1]
            self.assertEqual(alternative[2], b"alternative", name)
            self.assertEqual(plain[:7], [b"text", b"plain", [b"charset", b"us-ascii"], None, None, b"7bit",
                                         len(text_part)], name)
            self.assertIn(plain[7], lines(text_part), name)
            self.assertEqual(html[:7], [b"text", b"html", [b"charset", b"utf-8"], None, None,
                                        b"quoted-printable", len(html_part)], name)
            self.assertIn(html[7], lines(html_part), name)
            attachment_body = parts_of(stored, b"--outer-boundary")[1]
            self.assertEqual(attachment[:7], [b"application", b"octet-stream", [b"name", b"data.bin"], None, None,
                                              b"base64", len(attachment_body)], name)
            if name == "BODY":
                self.assertEqual(len(structure), 3, "BODY has no extension data: %r" % structure)
                self.assertEqual(len(plain), 8, "BODY has no extension data: %r" % plain)
            else:
                self.assertEqual(structure[3], [b"boundary", b"outer-boundary"], "multipart extension data")
                self.assertEqual(alternative[3], [b"boundary", b"inner-boundary"])
                if len(attachment) > 8:
                    self.assertEqual(attachment[8], [b"attachment", [b"filename", b"data.bin"]], attachment)

        items = self.fetch_one(client, "RFC822.HEADER")
        self.assertEqual(items["RFC822.HEADER"], header)
        # Nothing so far set \Seen.
        items = self.fetch_one(client, "FLAGS")
        self.assertEqual(flagset(items["FLAGS"]), set())
        items = self.fetch_one(client, "RFC822")
        self.assertEqual(items["RFC822"], stored)
        self.assertIn("\\Seen", parse_sexp(items.get("FLAGS", b"()")), "RFC822 sets \\Seen and says so")

    def test_seen_by_body_not_by_peek(self):
        user = self.account()
        for _ in range(2):
            self.deliver(user, simple_message(to=user))
        client = self.raw_login(user)
        self.assertOk(client.command("SELECT INBOX"))
        items = self.fetch_one(client, "BODY.PEEK[]")
        self.assertNotIn("FLAGS", items, "PEEK changes no flag")
        self.assertEqual(flagset(self.fetch_one(client, "FLAGS")["FLAGS"]), set())
        response = self.assertOk(client.command("FETCH 1 BODY[]"))
        # The \Seen change is announced: in the same FETCH response or in an extra one.
        flags = [fetch_items(u)["FLAGS"] for u in response.untagged if b"FLAGS" in u.split(b"\r\n", 1)[0]
                 or b"FLAGS (" in u[-80:]]
        self.assertTrue(any(b"\\Seen" in f for f in flags), response)
        self.assertEqual(flagset(self.fetch_one(client, "FLAGS")["FLAGS"]), {"\\Seen"})
        self.assertEqual(flagset(self.fetch_one(client, "FLAGS", "2")["FLAGS"]), set())
        self.fetch_one(client, "BODY[TEXT]", "2")
        self.assertEqual(flagset(self.fetch_one(client, "FLAGS", "2")["FLAGS"]), {"\\Seen"})

    # --- STORE, COPY, MOVE, EXPUNGE ---------------------------------------------------------------

    def test_store(self):
        user = self.account()
        client = self.raw_login(user)
        for _ in range(3):
            self.assertOk(client.command(b"APPEND INBOX {%d+}\r\n%s" % (len(simple_message()), simple_message())))
        self.assertOk(client.command("SELECT INBOX"))

        def flags(seq):
            return flagset(self.fetch_one(client, "FLAGS", seq)["FLAGS"])

        response = self.assertOk(client.command("STORE 1 +FLAGS (\\Flagged $Label1)"))
        # A new keyword may also bring FLAGS and PERMANENTFLAGS updates; one FETCH is required.
        fetches = fetch_responses(response)
        self.assertEqual(len(fetches), 1, response)
        self.assertEqual(flagset(fetch_items(fetches[0])["FLAGS"]), {"\\Flagged", "$Label1"})
        self.assertEqual(flags("1"), {"\\Flagged", "$Label1"})
        self.assertOk(client.command("STORE 1 -FLAGS ($Label1)"))
        self.assertEqual(flags("1"), {"\\Flagged"})
        self.assertOk(client.command("STORE 1 FLAGS (\\Answered Custom)"))
        self.assertEqual(flags("1"), {"\\Answered", "Custom"})
        silent = self.assertOk(client.command("STORE 2:3 +FLAGS.SILENT (\\Seen)"))
        self.assertEqual(fetch_responses(silent), [], "FLAGS.SILENT answers with no FETCH")
        self.assertEqual(flags("2"), {"\\Seen"})
        self.assertEqual(flags("3"), {"\\Seen"})
        self.assertOk(client.command("STORE 2 FLAGS.SILENT ()"))
        self.assertEqual(flags("2"), set())
        uid = self.assertOk(client.command("UID STORE 3 -FLAGS (\\Seen)"))
        self.assertIn(b"UID 3", fetch_responses(uid)[0], "UID STORE reports the UID")
        # New keywords appear in FLAGS and PERMANENTFLAGS of a new SELECT.
        selected = self.assertOk(client.command("SELECT INBOX"))
        self.assertIn(b"Custom", selected.starting(b"* FLAGS")[0])
        self.assertStatus(client.command("STORE 1 +FLAGS (\\Bogus)"), ("BAD", "NO"), "an unknown system flag")
        self.assertStatus(client.command("STORE 1 +FLAGS (\\Recent)"), ("BAD", "NO", "OK"), "\\Recent")
        self.assertNotIn("\\Recent", flags("1") - {"\\Recent"})

    def test_copy_and_move(self):
        user = self.account()
        client = self.login(user)
        messages = [simple_message(subject="copy %d" % n) for n in range(3)]
        for message in messages:
            self.assertOk(client.append("INBOX", "(\\Flagged)", None, message))
        typ, data = client.select("INBOX")
        self.assertEqual(typ, "OK", data)
        uidvalidity_archive = self.select_uidvalidity(user, "Archive")
        typ, data = client.copy("1:2", "Archive")
        self.assertEqual(typ, "OK", data)
        copyuid = response_code(data, "COPYUID")
        self.assertEqual(copyuid, "%s 1:2 1:2" % uidvalidity_archive, data)
        typ, data = client.copy("1", "Nothere")
        self.assertEqual(typ, "NO", data)
        self.assertIn(b"[TRYCREATE]", data[0])
        # MOVE: COPYUID in an untagged OK, then EXPUNGE, and the message is gone from INBOX.
        raw = self.raw_login(user)
        self.assertOk(raw.command("SELECT INBOX"))
        moved = self.assertOk(raw.command("MOVE 2 Trash"))
        copyuid = code_value(moved, "COPYUID")
        self.assertIsNotNone(copyuid, moved)
        self.assertEqual(copyuid.split()[1:], ["2", "1"])
        self.assertIn(b"* 2 EXPUNGE", moved.untagged, moved)
        self.assertEqual(untagged_number(self.assertOk(raw.command("SELECT INBOX")), "EXISTS"), 2)
        uid_moved = self.assertOk(raw.command("UID MOVE 3 Trash"))
        self.assertIn(b"* 2 EXPUNGE", uid_moved.untagged, uid_moved)
        # The copies: same bytes, same flags.
        check = self.login(user)
        check.select("Archive")
        typ, data = check.fetch("1:*", "(FLAGS BODY.PEEK[])")
        fetched = [fetch_items(f) for f in imaplib_fetches(data)]
        self.assertEqual([f["BODY[]"] for f in fetched], messages[:2])
        self.assertTrue(all("\\Flagged" in parse_sexp(f["FLAGS"]) for f in fetched), fetched)
        check.select("Trash")
        typ, data = check.fetch("1:*", "(BODY.PEEK[])")
        self.assertEqual([fetch_items(f)["BODY[]"] for f in imaplib_fetches(data)], [messages[1], messages[2]])

    def select_uidvalidity(self, user, folder):
        client = self.login(user)
        typ, data = client.status(folder, "(UIDVALIDITY)")
        self.assertEqual(typ, "OK", data)
        return re.search(rb"UIDVALIDITY (\d+)", data[0]).group(1).decode()

    def test_expunge_and_uid_expunge(self):
        user = self.account()
        client = self.raw_login(user)
        for n in range(5):
            message = simple_message(subject="expunge %d" % n)
            self.assertOk(client.command(b"APPEND INBOX {%d+}\r\n%s" % (len(message), message)))
        self.assertOk(client.command("SELECT INBOX"))
        self.assertOk(client.command("STORE 1,3,5 +FLAGS.SILENT (\\Deleted)"))
        # UID EXPUNGE removes only the given UIDs that are \Deleted.
        response = self.assertOk(client.command("UID EXPUNGE 4:5"))
        self.assertEqual(expunges(response), [b"* 5 EXPUNGE"])
        # EXPUNGE: 1 and 3; each EXPUNGE number is valid at the moment it is sent.
        response = self.assertOk(client.command("EXPUNGE"))
        self.assertIn(expunges(response), ([b"* 3 EXPUNGE", b"* 1 EXPUNGE"], [b"* 1 EXPUNGE", b"* 2 EXPUNGE"]))
        response = self.assertOk(client.command("UID SEARCH ALL"))
        self.assertEqual(response.untagged, [b"* SEARCH 2 4"])
        self.assertEqual(expunges(self.assertOk(client.command("EXPUNGE"))), [], "nothing left to expunge")

    # --- SEARCH ----------------------------------------------------------------------------------

    def test_search(self):
        user = self.account()
        client = self.raw_login(user)

        def append(message, flags="", date=""):
            arguments = b" ".join(a.encode() for a in (flags, date) if a)
            self.assertOk(client.command(b"APPEND INBOX %s {%d+}\r\n%s" % (arguments, len(message), message)))

        append(simple_message(subject="Quarterly report", sender="boss@corp.example",
                              body=b"Numbers are up.\r\n"), "(\\Seen)", '"01-Mar-2026 09:00:00 +0000"')
        append(simple_message(subject="Lunch?", sender="friend@mail.example",
                              body=b"Pizza at noon? The zebra says hi.\r\n",
                              extra_headers=b"X-Priority: 1\r\n"), "($Important)", '"15-Mar-2026 12:00:00 +0000"')
        append(simple_message(subject="Big attachment", sender="boss@corp.example",
                              body=b"x" * 5000 + b"\r\n"), "(\\Flagged \\Seen)", '"01-Apr-2026 08:00:00 +0000"')
        append(simple_message(subject="re: quarterly REPORT", sender="other@corp.example",
                              body=b"Agreed.\r\n"), "", '"20-Apr-2026 18:30:00 +0000"')
        self.assertOk(client.command("SELECT INBOX"))

        def search(criteria, command="SEARCH"):
            response = self.assertOk(client.command("%s %s" % (command, criteria)), criteria)
            lines = response.starting(b"* SEARCH")
            self.assertEqual(len(lines), 1, response)
            return sorted(int(n) for n in lines[0].split()[2:])

        cases = [
            ("ALL", [1, 2, 3, 4]),
            ("FROM boss@corp.example", [1, 3]),
            ("FROM corp", [1, 3, 4]),
            ('SUBJECT "quarterly report"', [1, 4]),
            ("SUBJECT lunch", [2]),
            ("TEXT zebra", [2]),
            ("TEXT Quarterly", [1, 4]),
            ("BODY zebra", [2]),
            ("BODY Quarterly", []),
            ("SINCE 15-Mar-2026", [2, 3, 4]),
            ("BEFORE 15-Mar-2026", [1]),
            ("ON 01-Apr-2026", [3]),
            ("SENTSINCE 01-Jan-2026", [1, 2, 3, 4]),
            ("LARGER 4000", [3]),
            ("SMALLER 4000", [1, 2, 4]),
            ("UNSEEN", [2, 4]),
            ("SEEN", [1, 3]),
            ("FLAGGED", [3]),
            ("KEYWORD $Important", [2]),
            ("UNKEYWORD $Important", [1, 3, 4]),
            ("NOT FROM boss@corp.example", [2, 4]),
            ("OR SUBJECT lunch LARGER 4000", [2, 3]),
            ("OR OR SEEN FLAGGED KEYWORD $Important", [1, 2, 3]),
            ("(FROM corp UNSEEN)", [4]),
            ("UID 2:3", [2, 3]),
            ("UID 3:*", [3, 4]),
            ("UID 100:200", []),  # beyond every UID, and without "*"
            ("UID 100:*", [4]),  # "*" is the highest UID: 100:* includes it (RFC 9051 6.4.9)
            ("2:*", [2, 3, 4]),
            ("*", [4]),
            ("1,3:4", [1, 3, 4]),
            ("HEADER X-Priority 1", [2]),
            ('HEADER Message-ID ""', [1, 2, 3, 4]),
            ("HEADER X-Missing anything", []),
            ("ALL UNDELETED", [1, 2, 3, 4]),
            ("CHARSET UTF-8 SUBJECT lunch", [2]),
        ]
        failures = []
        for criteria, expected in cases:
            got = search(criteria)
            if got != expected:
                failures.append("SEARCH %s: expected %s, got %s" % (criteria, expected, got))
        self.assertEqual(failures, [])
        self.assertEqual(search("UID 3:4", "UID SEARCH"), [3, 4])
        self.assertEqual(search("UNSEEN", "UID SEARCH"), [2, 4])
        self.assertStatus(client.command("SEARCH BOGUSKEY"), "BAD", "unknown search key")
        self.assertStatus(client.command("SEARCH CHARSET NO-SUCH-CHARSET ALL"), "NO", "unknown charset")

        # ESEARCH (RFC 4731): RETURN (MIN MAX COUNT ALL), with the command's tag.
        tag = client.next_tag()
        response = self.assertOk(client.command("SEARCH RETURN (MIN MAX COUNT ALL) FROM corp", tag=tag))
        esearch = response.starting(b"* ESEARCH")
        self.assertEqual(len(esearch), 1, response)
        self.assertEqual(parse_esearch(esearch[0]),
                         {"TAG": tag, "MIN": "1", "MAX": "4", "COUNT": "3", "ALL": "1,3:4"}, esearch)
        tag = client.next_tag()
        response = self.assertOk(client.command("UID SEARCH RETURN (COUNT) SEEN", tag=tag))
        self.assertEqual(parse_esearch(response.starting(b"* ESEARCH")[0]), {"TAG": tag, "UID": True, "COUNT": "2"})
        tag = client.next_tag()
        response = self.assertOk(client.command("SEARCH RETURN () UNSEEN", tag=tag))
        self.assertEqual(parse_esearch(response.starting(b"* ESEARCH")[0]), {"TAG": tag, "ALL": "2,4"},
                         "RETURN () means ALL")
        tag = client.next_tag()
        response = self.assertOk(client.command("SEARCH RETURN (MIN MAX COUNT) SUBJECT nothing-matches", tag=tag))
        self.assertEqual(parse_esearch(response.starting(b"* ESEARCH")[0]), {"TAG": tag, "COUNT": "0"},
                         "no MIN/MAX when nothing matches")

    # --- CONDSTORE, ENABLE, ID, NAMESPACE, UNSELECT, CLOSE, LOGOUT -------------------------------------

    def test_condstore(self):
        user = self.account()
        client = self.raw_login(user)
        for n in range(3):
            message = simple_message(subject="condstore %d" % n)
            self.assertOk(client.command(b"APPEND INBOX {%d+}\r\n%s" % (len(message), message)))
        selected = self.assertOk(client.command("SELECT INBOX (CONDSTORE)"))
        highest = int(code_value(selected, "HIGHESTMODSEQ"))
        self.assertGreater(highest, 0)
        response = self.assertOk(client.command("STORE 2 +FLAGS (\\Flagged)"))
        modseq = parse_sexp(fetch_items(response.untagged[0])["MODSEQ"])[0]
        self.assertGreater(modseq, highest, "the STORE reports the new MODSEQ once CONDSTORE is on")
        changed = self.assertOk(client.command("FETCH 1:* (FLAGS) (CHANGEDSINCE %d)" % highest))
        self.assertEqual(len(changed.untagged), 1, changed)
        self.assertTrue(changed.untagged[0].startswith(b"* 2 FETCH"), changed)
        self.assertIn(b"MODSEQ (%d)" % modseq, changed.untagged[0])
        self.assertEqual(self.assertOk(client.command("FETCH 1:* (FLAGS) (CHANGEDSINCE %d)" % modseq)).untagged, [])
        # UNCHANGEDSINCE older than the message's modseq: not stored, [MODIFIED 2].
        conflict = self.assertOk(client.command("STORE 1:2 (UNCHANGEDSINCE %d) +FLAGS (\\Seen)" % highest))
        self.assertEqual(code_value(conflict, "MODIFIED"), "2", conflict)
        flags = {n: flagset(self.fetch_one(client, "FLAGS", str(n))["FLAGS"]) for n in (1, 2)}
        self.assertEqual(flags, {1: {"\\Seen"}, 2: {"\\Flagged"}})
        # UNCHANGEDSINCE 0 never passes for an existing message.
        self.assertEqual(code_value(self.assertOk(client.command("STORE 3 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)")),
                                    "MODIFIED"), "3")
        status = self.assertOk(client.command("STATUS INBOX (HIGHESTMODSEQ)"))
        self.assertGreater(int(re.search(rb"HIGHESTMODSEQ (\d+)", status.untagged[0]).group(1)), modseq)
        # Without CONDSTORE enabled, a plain FETCH ... (MODSEQ) enables it (RFC 7162 3.1).
        other = self.raw_login(user)
        self.assertOk(other.command("SELECT INBOX"))
        response = self.assertOk(other.command("FETCH 1 (MODSEQ)"))
        self.assertRegex(fetch_responses(response)[0], rb"^\* 1 FETCH \(MODSEQ \(\d+\)\)$")
        self.assertIsNotNone(code_value(response, "HIGHESTMODSEQ"), "RFC 7162 3.1: the enabling FETCH reports it")

    def test_enable_id_namespace(self):
        client = self.raw_login(ALICE)
        enabled = self.assertOk(client.command("ENABLE CONDSTORE"))
        self.assertEqual(enabled.starting(b"* ENABLED"), [b"* ENABLED CONDSTORE"])
        unknown = self.assertOk(client.command("ENABLE X-NOT-A-THING"))
        # An empty "* ENABLED" or none: nothing is enabled either way.
        self.assertIn([u.rstrip() for u in unknown.starting(b"* ENABLED")], ([b"* ENABLED"], []), unknown)
        response = self.assertOk(client.command('ID ("name" "imaptest" "version" "1")'))
        ids = response.starting(b"* ID ")
        self.assertEqual(len(ids), 1, response)
        value = parse_sexp(ids[0][5:])
        self.assertTrue(value is None or (isinstance(value, list) and len(value) % 2 == 0), ids)
        self.assertOk(client.command("ID NIL"))
        response = self.assertOk(client.command("NAMESPACE"))
        self.assertEqual(response.starting(b"* NAMESPACE"), [b'* NAMESPACE (("" "/")) NIL NIL'])
        self.assertStatus(client.command("ENABLE"), "BAD", "ENABLE without a capability")

    def test_unselect_close_logout(self):
        user = self.account()
        client = self.raw_login(user)
        for n in range(2):
            message = simple_message(subject="close %d" % n)
            self.assertOk(client.command(b"APPEND INBOX {%d+}\r\n%s" % (len(message), message)))
        self.assertOk(client.command("SELECT INBOX"))
        self.assertOk(client.command("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        # UNSELECT leaves \Deleted messages.
        unselect = self.assertOk(client.command("UNSELECT"))
        self.assertEqual(unselect.untagged, [])
        self.assertStatus(client.command("FETCH 1 FLAGS"), "BAD", "FETCH after UNSELECT")
        self.assertStatus(client.command("UNSELECT"), "BAD", "UNSELECT with nothing selected")
        self.assertStatus(client.command("CLOSE"), "BAD", "CLOSE with nothing selected")
        self.assertEqual(untagged_number(self.assertOk(client.command("SELECT INBOX")), "EXISTS"), 2)
        # CLOSE expunges silently.
        close = self.assertOk(client.command("CLOSE"))
        self.assertEqual(close.untagged, [], "CLOSE sends no EXPUNGE")
        self.assertStatus(client.command("FETCH 1 FLAGS"), "BAD", "FETCH after CLOSE")
        self.assertEqual(untagged_number(self.assertOk(client.command("EXAMINE INBOX")), "EXISTS"), 1)
        # CLOSE after EXAMINE expunges nothing.
        self.assertOk(client.command("SELECT INBOX"))
        self.assertOk(client.command("STORE 1 +FLAGS.SILENT (\\Deleted)"))
        self.assertOk(client.command("EXAMINE INBOX"))
        self.assertOk(client.command("CLOSE"))
        self.assertEqual(untagged_number(self.assertOk(client.command("SELECT INBOX")), "EXISTS"), 1)
        # LOGOUT: BYE, OK, then the server closes.
        logout = self.assertOk(client.command("LOGOUT"))
        self.assertEqual(len(logout.starting(b"* BYE")), 1, logout)
        self.assertTrue(client.closed_by_server(10), "the connection stays open after LOGOUT")

    # --- a restart -------------------------------------------------------------------------------------

    def test_state_survives_restart(self):
        user = self.account()
        client = self.raw_login(user)
        messages = [simple_message(subject="persist %d" % n) for n in range(3)]
        for message in messages:
            self.assertOk(client.command(b"APPEND Archive {%d+}\r\n%s" % (len(message), message)))
        self.assertOk(client.command("CREATE Kept/sub"))
        selected = self.assertOk(client.command("SELECT Archive"))
        self.assertOk(client.command("STORE 2 +FLAGS.SILENT (\\Answered $Kept)"))
        self.assertOk(client.command("STORE 3 +FLAGS.SILENT (\\Deleted)"))
        self.assertOk(client.command("EXPUNGE"))
        before = self.assertOk(client.command("SELECT Archive"))
        uidvalidity, uidnext = code_value(before, "UIDVALIDITY"), code_value(before, "UIDNEXT")
        self.assertEqual(uidnext, code_value(selected, "UIDNEXT"))
        client.close()

        self.service.restart()

        client = self.raw_login(user)
        after = self.assertOk(client.command("SELECT Archive"))
        self.assertEqual(code_value(after, "UIDVALIDITY"), uidvalidity)
        self.assertEqual(code_value(after, "UIDNEXT"), uidnext, "UIDNEXT after an expunge of the last UID")
        self.assertEqual(untagged_number(after, "EXISTS"), 2)
        items = self.fetch_one(client, "(UID FLAGS BODY.PEEK[])", "2")
        self.assertEqual(items["UID"], b"2")
        self.assertEqual(flagset(items["FLAGS"]), {"\\Answered", "$Kept"})
        self.assertEqual(items["BODY[]"], messages[1])
        message = simple_message(subject="after restart")
        appended = self.assertOk(client.command(b"APPEND Archive {%d+}\r\n%s" % (len(message), message)))
        self.assertEqual(code_value(appended, "APPENDUID"), "%s %s" % (uidvalidity, uidnext))
        folders = self.assertOk(client.command('LIST "" "Kept*"'))
        self.assertEqual(len(folders.untagged), 2, folders)


def expunges(response):
    return [u for u in response.untagged if re.match(rb"^\* \d+ EXPUNGE$", u)]


def fetch_responses(response):
    return [u for u in response.untagged if re.match(rb"^\* \d+ FETCH ", u)]


def parts_of(message, boundary):
    """The bodies of a multipart message's parts at one boundary (no delimiter CRLFs)."""
    body = message.split(b"\r\n\r\n", 1)[1]
    pieces = body.split(b"\r\n" + boundary)
    out = []
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            break
        part = piece.split(b"\r\n", 1)[1]
        out.append(part.split(b"\r\n\r\n", 1)[1])
    return out


def parse_esearch(line):
    """{"TAG": tag, "UID": True, "MIN": ..., ...} of "* ESEARCH (TAG "x") [UID] ..."."""
    text = line.decode()
    out = {}
    match = re.match(r'^\* ESEARCH(?: \(TAG "([^"]*)"\))?(.*)$', text, re.I)
    if not match:
        raise AssertionError("not an ESEARCH response: %r" % line)
    if match.group(1) is not None:
        out["TAG"] = match.group(1)
    words = match.group(2).split()
    i = 0
    while i < len(words):
        if words[i].upper() == "UID":
            out["UID"] = True
            i += 1
        else:
            out[words[i].upper()] = words[i + 1]
            i += 2
    return out


if __name__ == "__main__":
    unittest.main(verbosity=2)
