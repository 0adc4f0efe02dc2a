#!/usr/bin/python3
"""The IMAP server's edges on a raw socket: literals of every kind, partial fetches, sequence
sets, commands in the wrong state, bad and over-long input, oversized literals and messages,
a client that vanishes in IDLE, garbage bytes, failed logins up to the lockout (the throttle
that SMTP AUTH uses), the log records of logins, and the [imap] settings (plaintext auth on
loopback, connection limits, timeouts, line length) on a second service."""

import os
import re
import socket
import struct
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import imapcase  # noqa: E402
from imapcase import DOMAIN, ImapTestCase, fetch_items, flagset, simple_message  # noqa: E402
from imapcase import pwharness  # noqa: E402

ALICE = "alice@example.test"
MAX_MESSAGE_SIZE = 200000
# The service's own test: its config. Dovecot ignores it.
FAILURES_PER_ACCOUNT = 3
FAILURES_PER_IP = 20
TIMEOUT_SETTING = 60  # the smallest command_timeout and idle_timeout the service takes


def fetches(response):
    return [u for u in response.untagged if re.match(rb"^\* \d+ FETCH ", u)]


class EdgesTest(ImapTestCase):
    PASSWORDS = {ALICE: "alice edge password"}
    CONFIG = {
        "mail": {"max_message_size": str(MAX_MESSAGE_SIZE)},
        "smtp": {"auth_failures_per_account": str(FAILURES_PER_ACCOUNT),
                 "auth_failures_per_ip": str(FAILURES_PER_IP)},
    }

    def session(self, user=None, select=None):
        """A raw session over implicit TLS, logged in as user (a new account if None)."""
        user = user or self.account()
        client = self.raw_imap(tls=True)
        client.login(user, self.PASSWORDS[user])
        if select:
            self.assertOk(client.command("SELECT " + select))
        return client

    def append(self, client, message, folder="INBOX"):
        return self.assertOk(client.command(b"APPEND %s {%d+}\r\n%s" % (folder.encode(), len(message), message)))

    def assertAlive(self, client, msg="the session works afterwards"):
        self.assertOk(client.command("NOOP"), msg)

    # --- literals ------------------------------------------------------------------------------

    def test_synchronizing_literals_in_login(self):
        user = self.account()
        password = self.PASSWORDS[user].encode()
        client = self.raw_imap(tls=True)
        tag = client.next_tag().encode()
        client.send(tag + b" LOGIN {%d}\r\n" % len(user))
        client.continuation()
        client.send(user.encode() + b" {%d}\r\n" % len(password))
        client.continuation()
        client.send(password + b"\r\n")
        self.assertOk(client.read_until_tagged(tag.decode()))
        self.assertAlive(client)

    def test_nonsynchronizing_literals(self):
        user = self.account()
        password = self.PASSWORDS[user].encode()
        client = self.raw_imap(tls=True)
        response = client.command(b"LOGIN {%d+}\r\n%s {%d+}\r\n%s" % (len(user), user.encode(), len(password), password))
        self.assertOk(response)
        self.assertEqual([u for u in response.untagged if u.startswith(b"+")], [], "LITERAL+ needs no continuation")
        message = simple_message(subject="literal plus")
        appended = client.command(b"APPEND INBOX (\\Flagged) {%d+}\r\n%s" % (len(message), message))
        self.assertOk(appended)
        self.assertOk(client.command("SELECT INBOX"))
        items = fetch_items(fetches(self.assertOk(client.command("FETCH 1 (FLAGS BODY.PEEK[])")))[0])
        self.assertEqual(items["BODY[]"], message)
        self.assertIn("\\Flagged", flagset(items["FLAGS"]))

    def test_synchronizing_literal_in_append(self):
        client = self.session()
        # The message holds CRLFs, a blank line, a lone dot and text that looks like a literal.
        message = (b"Subject: tricky\r\nFrom: a@b.example\r\n\r\nline one\r\n.\r\n{5}\r\nnot a literal\r\n"
                   b"\r\n\r\nA0001 OK not a tag\r\nend")
        tag = client.next_tag()
        client.send(b"%s APPEND INBOX {%d}\r\n" % (tag.encode(), len(message)))
        client.continuation()
        client.send(message + b"\r\n")
        self.assertOk(client.read_until_tagged(tag))
        self.assertOk(client.command("SELECT INBOX"))
        response = self.assertOk(client.command("FETCH 1 (RFC822.SIZE BODY.PEEK[])"))
        items = fetch_items(fetches(response)[0])
        self.assertEqual(items["BODY[]"], message, "byte-exact")
        self.assertEqual(int(items["RFC822.SIZE"]), len(message))

    def test_empty_literals(self):
        client = self.session()
        for n in range(2):
            self.append(client, simple_message(subject="empty literal %d" % n))
        self.assertOk(client.command("SELECT INBOX"))
        # An empty search string matches every message.
        response = self.assertOk(client.command(b"SEARCH SUBJECT {0+}\r\n"))
        self.assertEqual(response.starting(b"* SEARCH"), [b"* SEARCH 1 2"])
        tag = client.next_tag()
        client.send(b"%s SEARCH SUBJECT {0}\r\n" % tag.encode())
        client.continuation()
        client.send(b"\r\n")
        self.assertEqual(self.assertOk(client.read_until_tagged(tag)).starting(b"* SEARCH"), [b"* SEARCH 1 2"])
        # An empty message: refused or stored, but no protocol error.
        self.assertStatus(client.command(b"APPEND INBOX {0+}\r\n"), ("OK", "NO"), "APPEND of an empty message")
        self.assertAlive(client)
        # Empty user name and password: a failed login, not a BAD.
        other = self.raw_imap(tls=True)
        self.assertStatus(other.command(b"LOGIN {0+}\r\n {0+}\r\n"), "NO", "empty literal user and password")
        self.assertAlive(other)

    def test_password_literal_with_crlf_and_specials(self):
        user = self.account()
        client = self.raw_imap(tls=True)
        password = b"bad\r\npassword"
        response = client.command(b"LOGIN %s {%d+}\r\n%s" % (user.encode(), len(password), password))
        self.assertStatus(response, "NO", "a password with CRLF inside a literal")
        self.assertAlive(client)
        # Quoted specials in a quoted string, and the same as a literal.
        special = 'q"uote\\back slash{3}'
        self.service.add_mailbox("special@" + DOMAIN, special)
        type(self).PASSWORDS = dict(self.PASSWORDS, **{"special@" + DOMAIN: special})
        self.assertOk(client.command("LOGIN special@%s %s" % (DOMAIN, pwharness.quoted(special))))
        other = self.raw_imap(tls=True)
        raw = special.encode()
        self.assertOk(other.command(b"LOGIN special@%s {%d+}\r\n%s" % (DOMAIN.encode(), len(raw), raw)))

    # --- partial fetches and sequence sets ------------------------------------------------------

    def test_partial_fetches(self):
        client = self.session()
        message = simple_message(subject="partial")
        self.append(client, message)
        self.assertOk(client.command("SELECT INBOX"))
        size = len(message)

        def partial(spec):
            response = self.assertOk(client.command("FETCH 1 BODY.PEEK[]%s" % spec), spec)
            items = fetch_items(fetches(response)[0])
            origin = spec[1:].split(".")[0]
            key = "BODY[]<%s>" % origin
            self.assertIn(key, items, response)
            value = items[key]
            return imapcase.unquote_nstring(value) if value[:1] == b'"' else value

        # RFC 9051 grammar: partial = "<" number64 "." nz-number64 ">": a zero length is BAD.
        self.assertStatus(client.command("FETCH 1 BODY.PEEK[]<0.0>"), "BAD", "partial <0.0>")
        self.assertEqual(partial("<0.10>"), message[:10])
        self.assertEqual(partial("<%d.100>" % (size - 5)), message[-5:], "a range past the end is cut")
        self.assertEqual(partial("<%d.5>" % (size + 10)), b"", "a start beyond the size gives nothing")
        self.assertEqual(partial("<%d.1>" % size), b"")
        header_end = message.index(b"\r\n\r\n") + 4
        response = self.assertOk(client.command("FETCH 1 BODY.PEEK[TEXT]<2.4>"))
        self.assertEqual(fetch_items(fetches(response)[0])["BODY[TEXT]<2>"], message[header_end + 2:header_end + 6])
        self.assertStatus(client.command("FETCH 1 BODY.PEEK[]<5.0.1>"), "BAD", "a malformed partial")

    def test_sequence_sets_on_an_empty_folder(self):
        client = self.session()
        self.assertOk(client.command("SELECT Junk"))
        for command in ("FETCH 1:* FLAGS", "FETCH * FLAGS", "FETCH *:1 FLAGS"):
            response = client.command(command)
            # RFC 9051 leaves "*" in an empty folder to the server: nothing, or an error; never data.
            self.assertStatus(response, ("OK", "NO", "BAD"), command)
            self.assertEqual(fetches(response), [], command)
        for command in ("UID FETCH 1:* FLAGS", "UID FETCH * FLAGS", "UID SEARCH ALL", "UID STORE 1:* +FLAGS (\\Seen)"):
            response = self.assertOk(client.command(command), command)
            self.assertEqual(fetches(response), [], command)
        self.assertOk(client.command("SEARCH ALL"))
        self.assertAlive(client)

    def test_sequence_sets_on_a_folder(self):
        client = self.session()
        for n in range(3):
            self.append(client, simple_message(subject="seq %d" % n))
        self.assertOk(client.command("SELECT INBOX"))

        def numbers(command):
            response = self.assertOk(client.command(command), command)
            return [int(f.split(b" ")[1]) for f in fetches(response)]

        self.assertEqual(numbers("FETCH * FLAGS"), [3])
        self.assertEqual(sorted(numbers("FETCH *:1 FLAGS")), [1, 2, 3])
        self.assertEqual(sorted(numbers("FETCH 2:* FLAGS")), [2, 3])
        self.assertEqual(sorted(numbers("FETCH 3:2 FLAGS")), [2, 3])
        self.assertEqual(sorted(numbers("FETCH 1,3,1:1 FLAGS")), [1, 3], "each message once")
        self.assertStatus(client.command("FETCH 0 FLAGS"), "BAD", "sequence number 0")
        self.assertStatus(client.command("FETCH 0:2 FLAGS"), "BAD", "a range from 0")
        self.assertStatus(client.command("FETCH 1:x FLAGS"), "BAD", "a malformed set")
        self.assertStatus(client.command("FETCH 4 FLAGS"), ("BAD", "NO"), "beyond the last message")
        # UID ranges beyond UIDNEXT: nothing, and OK; "n:*" always holds the last message.
        self.assertEqual(numbers("UID FETCH 100:200 FLAGS"), [])
        self.assertEqual(numbers("UID FETCH 100:* FLAGS"), [3])
        self.assertEqual(numbers("UID FETCH 4294967295 FLAGS"), [])
        self.assertStatus(client.command("UID FETCH 0 FLAGS"), "BAD", "UID 0")
        self.assertStatus(client.command("UID FETCH 4294967296 FLAGS"), "BAD", "a UID beyond 32 bits")

    # --- states, unknown and malformed commands ----------------------------------------------------

    def test_commands_in_the_wrong_state(self):
        # One connection each: a server may close a client after a few bad commands before login.
        for command in ("SELECT INBOX", "LIST \"\" *", "FETCH 1 FLAGS", "IDLE", "STATUS INBOX (MESSAGES)"):
            client = self.raw_imap(tls=True)
            self.assertStatus(client.command(command), ("BAD", "NO"), "%s before LOGIN" % command.split()[0])
            client.close()
        client = self.raw_imap(tls=True)
        client.login(ALICE, self.PASSWORDS[ALICE])
        for command in ("FETCH 1 FLAGS", "STORE 1 +FLAGS (\\Seen)", "SEARCH ALL", "EXPUNGE", "CLOSE",
                        "COPY 1 Trash", "UID FETCH 1 FLAGS"):
            self.assertStatus(client.command(command), ("BAD", "NO"), "%s before SELECT" % command.split()[0])
        self.assertStatus(client.command("STARTTLS"), ("BAD", "NO"), "STARTTLS over TLS")
        self.assertStatus(client.command("AUTHENTICATE PLAIN AAAA"), ("BAD", "NO"), "AUTHENTICATE after LOGIN")
        self.assertAlive(client)

    def test_unknown_and_malformed_commands(self):
        client = self.raw_imap(tls=True)
        client.login(ALICE, self.PASSWORDS[ALICE])
        self.assertStatus(client.command("FROBNICATE"), "BAD", "unknown command")
        self.assertStatus(client.command('LOGIN "unterminated'), "BAD", "unterminated quoted string")
        self.assertStatus(client.command("LOGIN onlyone"), "BAD", "missing argument")
        # A line with only a tag, and one with no tag at all.
        client.send(b"T900\r\n")
        response = client.response()
        self.assertTrue(re.match(rb"^(T900|\*) BAD", response), response)
        client.send(b"\r\n")
        client.send(b"T901 NOOP\r\n")
        response = client.read_until_tagged("T901")
        self.assertOk(response)
        self.assertTrue(all(u.startswith(b"* BAD") for u in response.untagged), response)
        self.assertStatus(client.command("SELECT"), "BAD", "SELECT without a name")
        self.assertOk(client.command("SELECT INBOX"))
        self.assertStatus(client.command("FETCH 1 (FLAGS"), "BAD", "unbalanced parenthesis")
        self.assertStatus(client.command("FETCH 1 NOTANITEM"), "BAD", "unknown fetch item")
        self.assertStatus(client.command("FETCH 1 BODY[1.0]"), "BAD", "part number 0")
        self.assertStatus(client.command("STORE 1 XFLAGS (\\Seen)"), "BAD", "unknown store operation")
        self.assertAlive(client)

    def test_overlong_line(self):
        client = self.session(select="INBOX")
        tag = client.next_tag()
        client.send(tag.encode() + b" NOOP " + b"x" * 70000 + b"\r\n")
        response = client.response()
        self.assertTrue(re.match((r"^(%s|\*) BAD" % tag).encode(), response), response[:200])
        self.assertAlive(client, "after a line over max_line_length")
        # A literal does not count against the line length.
        body = b"y" * 100000
        message = b"Subject: long\r\n\r\n" + b"\r\n".join([body[i:i + 998] for i in range(0, len(body), 998)])
        self.append(client, message)

    def test_huge_literal_outside_append(self):
        client = self.session(select="INBOX")
        tag = client.next_tag()
        client.send(tag.encode() + b" SEARCH SUBJECT {100000000}\r\n")
        response = client.response()
        self.assertFalse(response.startswith(b"+"), "a 100 MB literal in SEARCH was invited: %r" % response)
        if response.startswith(b"* BYE"):
            # Refused by closing the connection: acceptable, if it does close.
            self.assertTrue(client.closed_by_server(5), "BYE without a close")
        else:
            self.assertTrue(re.match((r"^%s (BAD|NO)" % tag).encode(), response), response)
            self.assertAlive(client, "after refusing a literal")

    def test_append_over_the_size_limit(self):
        self.postwardend_only("[mail] max_message_size")
        client = self.session()
        size = MAX_MESSAGE_SIZE + 1000
        tag = client.next_tag()
        client.send(tag.encode() + b" APPEND INBOX {%d}\r\n" % size)
        response = client.response()
        self.assertFalse(response.startswith(b"+"), "an oversized APPEND was invited")
        self.assertTrue(re.match((r"^%s NO" % tag).encode(), response), response)
        self.assertIn(b"[TOOBIG]", response, "RFC 9051 7.1: TOOBIG")
        self.assertAlive(client)
        # The same with LITERAL+: the client sends the bytes at once; the server reads and drops
        # them, or says BYE and closes. It never stores the message.
        tag = client.next_tag()
        try:
            client.send(tag.encode() + b" APPEND INBOX {%d+}\r\n" % size + b"z" * size + b"\r\n")
            response = client.read_until_tagged(tag)
            self.assertStatus(response, "NO", "oversized APPEND with LITERAL+")
            self.assertAlive(client)
        except OSError:
            pass  # closed by the server (ConnectionError and ssl.SSLError are OSErrors)
        check = self.session(user=None)
        self.assertOk(check.command("SELECT INBOX"))
        # A message exactly at the limit is taken.
        message = b"Subject: at the limit\r\n\r\n"
        message += b"a" * (MAX_MESSAGE_SIZE - len(message))
        self.assertEqual(len(message), MAX_MESSAGE_SIZE)
        self.append(check, message)

    # --- bad clients ---------------------------------------------------------------------------

    def test_client_vanishes_in_idle(self):
        user = self.account()
        for _ in range(3):
            client = self.session(user=user, select="INBOX")
            tag = client.next_tag()
            client.send(tag.encode() + b" IDLE\r\n")
            client.continuation()
            # A reset, not a polite FIN.
            client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()
        self.deliver(user, simple_message(to=user))
        if hasattr(self.service, "running"):
            self.assertTrue(self.service.running(), "the service died")
        client = self.session(user=user)
        status = self.assertOk(client.command("STATUS INBOX (MESSAGES)"))
        self.assertIn(b"MESSAGES 1", status.untagged[0])

    def test_garbage_and_nul_bytes(self):
        client = self.raw_imap(tls=True)
        client.send(b"\x00\x01\x02\xff\xfe garbage \x00\r\n")
        response = client.response()
        self.assertIn(b"BAD", response[:40])
        self.assertAlive(client, "after a line of garbage")
        self.assertStatus(client.command(b'LOGIN "al\x00ice" "x"'), ("BAD", "NO"), "NUL in a quoted string")
        self.assertAlive(client)
        # A burst of random bytes on another connection; the service keeps serving others.
        import random

        rng = random.Random(20261125)
        noisy = self.raw_imap(tls=True)
        try:
            for _ in range(50):
                noisy.send(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) + b"\r\n")
        except OSError:
            pass  # the server may close such a client
        noisy.close()
        other = self.raw_imap(tls=True)
        other.login(ALICE, self.PASSWORDS[ALICE])
        self.assertAlive(other)

    # --- logins: the throttle and the log ----------------------------------------------------------

    def test_wrong_passwords_until_lockout(self):
        self.postwardend_only("the failed-login throttle")
        user = self.account("locked")
        other = self.account("notlocked")
        source = "127.0.0.9"
        for attempt in range(FAILURES_PER_ACCOUNT):
            client = self.raw_imap(tls=True, source=source)
            self.assertStatus(client.command('LOGIN %s "wrong %d"' % (user, attempt)), "NO",
                              "wrong password %d" % (attempt + 1))
        client = self.raw_imap(tls=True, source=source)
        locked = client.command("LOGIN %s %s" % (user, pwharness.quoted(self.PASSWORDS[user])))
        self.assertStatus(locked, "NO", "the right password after %d failures" % FAILURES_PER_ACCOUNT)
        # The same lock holds for SMTP AUTH on the submission port.
        import base64

        with pwharness.RawSmtp(self.service.submissions_port, tls=True) as smtp:
            self.assertReply(smtp.reply(), 220)
            self.assertReply(smtp.command("EHLO client.example.test"), 250)
            token = base64.b64encode(b"\0" + user.encode() + b"\0" + self.PASSWORDS[user].encode()).decode()
            self.assertReply(smtp.command("AUTH PLAIN " + token), 454, "4.7.0", "SMTP AUTH of an account locked by IMAP")
        # Another account from the same address is not locked.
        self.assertOk(client.command("LOGIN %s %s" % (other, pwharness.quoted(self.PASSWORDS[other]))))

    def test_spray_locks_out_the_address(self):
        self.postwardend_only("the failed-login throttle")
        source = "127.0.0.10"
        for n in range(FAILURES_PER_IP):
            client = self.raw_imap(tls=True, source=source)
            self.assertStatus(client.command('LOGIN guess%d@%s "guess"' % (n, DOMAIN)), "NO", "guess %d" % n)
            client.close()
        client = self.raw_imap(tls=True, source=source)
        self.assertStatus(client.command("LOGIN %s %s" % (ALICE, pwharness.quoted(self.PASSWORDS[ALICE]))), "NO",
                          "a real account from a locked-out address")
        client = self.raw_imap(tls=True, source="127.0.0.11")
        self.assertOk(client.command("LOGIN %s %s" % (ALICE, pwharness.quoted(self.PASSWORDS[ALICE]))),
                      "another address is not locked")

    def test_logins_are_logged(self):
        self.postwardend_only("postwardenctl logs")
        user = self.account("logged")
        client = self.raw_imap(tls=True)
        self.assertStatus(client.command('LOGIN %s "wrong"' % user), "NO")
        client.login(user, self.PASSWORDS[user])
        deadline = time.monotonic() + 10
        while True:
            mine = [r for r in self.service.log_records()
                    if user in repr(r) and r.get("category") in ("auth", "imap")]
            failures = [r for r in mine if r.get("level") in ("notice", "warning")]
            successes = [r for r in mine if r.get("level") == "info" and r not in failures]
            if (failures and successes) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(len(failures), 1, "one record of the failed login: %r" % mine)
        self.assertEqual(len(successes), 1, "one record of the login: %r" % mine)
        for record in failures + successes:
            self.assertIn(record.get("category"), ("auth", "imap"), record)
            self.assertIn("127.0.0.1", repr(record), "the client address is in the record")
        self.assertIn("imap", repr(mine).lower(), "the records say the login was over IMAP")

    # --- the [imap] settings, on a second service with small limits -----------------------------

    SETTINGS = {
        "imap": {
            "plaintext_auth_on_loopback": "true",
            "max_connections": "4",
            "max_connections_per_ip": "3",
            "command_timeout": str(TIMEOUT_SETTING),
            "idle_timeout": str(TIMEOUT_SETTING),
            "max_line_length": "2048",
        }
    }
    settings_service = None

    @classmethod
    def tearDownClass(cls):
        try:
            if cls.settings_service:
                cls.settings_service.stop()
                cls.settings_service = None
        finally:
            super().tearDownClass()

    def settings(self):
        """The second service (started once, for the tests that need it), with ALICE."""
        self.postwardend_only("postwardend's [imap] settings")
        cls = type(self)
        if cls.settings_service is None:
            cls.settings_service = pwharness.Service(config=self.SETTINGS, imap=True)
            cls.settings_service.add_domain(DOMAIN)
            cls.settings_service.add_mailbox(ALICE, self.PASSWORDS[ALICE])
        return cls.settings_service

    def settings_client(self, source, greeting=True, tls=False):
        service = self.settings()
        client = pwharness.RawImap(service.imaps_port if tls else service.imap_port, tls=tls, source=source,
                                   greeting=greeting)
        self.addCleanup(client.close)
        return client

    def test_setting_plaintext_auth_on_loopback(self):
        client = self.settings_client("127.0.0.1")
        caps = imapcase.capabilities(self.assertOk(client.command("CAPABILITY")).starting(b"* CAPABILITY")[0])
        self.assertNotIn("LOGINDISABLED", caps)
        self.assertIn("AUTH=PLAIN", caps)
        self.assertIn("STARTTLS", caps)
        client.login(ALICE, self.PASSWORDS[ALICE])
        imap = pwharness.imap_connect(self.settings().imap_port, None, tls=False, user=ALICE,
                                      password=self.PASSWORDS[ALICE])
        self.assertEqual(imap.state, "AUTH")
        imap.logout()

    def test_setting_connection_limits(self):
        clients = [self.settings_client("127.0.0.20") for _ in range(3)]
        refused = self.settings_client("127.0.0.20", greeting=False)
        self.assertTrue(refused.response().startswith(b"* BYE"), "the 4th connection from one address")
        self.assertTrue(refused.closed_by_server(5))
        clients.append(self.settings_client("127.0.0.21"))
        refused = self.settings_client("127.0.0.22", greeting=False)
        self.assertTrue(refused.response().startswith(b"* BYE"), "the 5th connection with max_connections 4")
        for client in clients:
            self.assertOk(client.command("NOOP"))
            client.close()
        # Closed connections free their places.
        deadline = time.monotonic() + 10
        while True:
            client = self.settings_client("127.0.0.20", greeting=False)
            greeting = client.response()
            client.close()
            if greeting.startswith(b"* OK") or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertTrue(greeting.startswith(b"* OK"), greeting)

    def test_setting_timeouts(self):
        """command_timeout for a silent client, idle_timeout for an IDLE never renewed: both
        connections at once, so the test waits the 60 s minimum only once."""
        silent = self.settings_client("127.0.0.30")
        silent.login(ALICE, self.PASSWORDS[ALICE])  # plaintext on loopback: allowed here
        idle = self.settings_client("127.0.0.31", tls=True)
        idle.login(ALICE, self.PASSWORDS[ALICE])
        self.assertOk(idle.command("SELECT INBOX"))
        idle.send(b"I1 IDLE\r\n")
        idle.continuation()
        started = time.monotonic()
        self.assertTrue(silent.closed_by_server(TIMEOUT_SETTING + 20), "no close after command_timeout")
        silent_after = time.monotonic() - started
        self.assertTrue(idle.closed_by_server(max(1, TIMEOUT_SETTING + 20 - silent_after)),
                        "no end of IDLE after idle_timeout")
        idle_after = time.monotonic() - started
        sys.stderr.write("\nclosed after %.1f s (silent) and %.1f s (IDLE)\n" % (silent_after, idle_after))
        for name, after, client in (("silent", silent_after, silent), ("IDLE", idle_after, idle)):
            self.assertGreater(after, TIMEOUT_SETTING - 2, name)
            self.assertIn(b"* BYE", client.buffer, name)

    def test_setting_max_line_length(self):
        client = self.settings_client("127.0.0.32")
        client.send(b"L1 NOOP " + b"x" * 3000 + b"\r\n")
        response = client.response()
        self.assertTrue(re.match(rb"^(L1|\*) BAD", response), response[:200])
        self.assertOk(client.command("NOOP"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
