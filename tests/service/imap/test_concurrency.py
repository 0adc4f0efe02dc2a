#!/usr/bin/python3
"""Several IMAP sessions on one mailbox: a delivery over SMTP wakes an IDLE session within
100 ms of the 250, flag changes and expunges of one session reach the other at the right
moments (never an EXPUNGE during FETCH), and ten sessions append and fetch at once."""

import os
import re
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import imapcase  # noqa: E402
from imapcase import ImapTestCase, fetch_items, flagset, imaplib_fetches, response_code, simple_message  # noqa: E402

IDLE_WAKE_LIMIT = 0.100  # seconds from the SMTP 250 to "* n EXISTS"
DELIVERIES = 5
SESSIONS = 10
MESSAGES_PER_SESSION = 5


class TimedReader(threading.Thread):
    """Reads a RawImap's responses in the background and notes when each arrived."""

    def __init__(self, client, stop_after):
        super().__init__(daemon=True)
        self.client = client
        self.stop_after = stop_after  # a predicate on the raw response
        self.responses = []  # (time.monotonic(), raw)
        self.error = None
        self.event = threading.Condition()

    def run(self):
        try:
            while True:
                raw = self.client.response(timeout=30)
                with self.event:
                    self.responses.append((time.monotonic(), raw))
                    self.event.notify_all()
                if self.stop_after(raw):
                    return
        except Exception as error:  # noqa: BLE001 - reported by wait_for()
            with self.event:
                self.error = error
                self.event.notify_all()

    def wait_for(self, pattern, after_index, timeout):
        """(arrival time, raw, index) of the first response from after_index on that matches."""
        deadline = time.monotonic() + timeout
        with self.event:
            while True:
                for index in range(after_index, len(self.responses)):
                    arrived, raw = self.responses[index]
                    if re.match(pattern, raw):
                        return arrived, raw, index
                if self.error or time.monotonic() > deadline:
                    raise AssertionError("no response matching %r within %.1f s (error %r, got %r)"
                                         % (pattern, timeout, self.error, self.responses[after_index:]))
                self.event.wait(max(0.01, deadline - time.monotonic()))


def expunges(response):
    return [u for u in response.untagged if re.match(rb"^\* \d+ EXPUNGE$", u)]


class ConcurrencyTest(ImapTestCase):
    def session(self, user, select="INBOX"):
        client = self.raw_imap(tls=True)
        client.login(user, self.PASSWORDS[user])
        if select:
            self.assertOk(client.command("SELECT " + select))
        return client

    def append(self, client, message):
        return self.assertOk(client.command(b"APPEND INBOX {%d+}\r\n%s" % (len(message), message)))

    def test_idle_wakes_within_100_ms_of_delivery(self):
        user = self.account()
        self.deliver(user, simple_message(to=user))
        client = self.session(user)
        client.send(b"I1 IDLE\r\n")
        client.continuation()
        reader = TimedReader(client, lambda raw: raw.startswith(b"I1 "))
        reader.start()
        delays = []
        index = 0
        for n in range(DELIVERIES):
            accepted = self.deliver(user, simple_message(to=user, subject="idle %d" % n))
            arrived, raw, index = reader.wait_for(rb"^\* %d EXISTS$" % (n + 2), index, 10)
            delays.append(arrived - accepted)
            index += 1
        client.send(b"DONE\r\n")
        reader.wait_for(rb"^I1 OK", index, 10)
        reader.join(10)
        figures = ", ".join("%.1f" % (d * 1000) for d in delays)
        sys.stderr.write("\nIDLE wake-up after the SMTP 250, ms: %s (max %.1f)\n" % (figures, max(delays) * 1000))
        self.assertLess(max(delays), IDLE_WAKE_LIMIT, "IDLE wake-ups in ms: %s" % figures)
        self.assertAlive(client)

    def assertAlive(self, client):
        self.assertOk(client.command("NOOP"))

    def test_flag_change_reaches_the_other_session_on_noop(self):
        user = self.account()
        first = self.session(user, select=None)
        for n in range(2):
            self.append(first, simple_message(subject="flags %d" % n))
        self.assertOk(first.command("SELECT INBOX"))
        second = self.session(user)
        stored = self.assertOk(second.command("STORE 1 +FLAGS (\\Seen $Done)"))
        self.assertTrue(stored.untagged, stored)
        noop = self.assertOk(first.command("NOOP"))
        fetches = [u for u in noop.untagged if re.match(rb"^\* 1 FETCH ", u)]
        self.assertEqual(len(fetches), 1, noop)
        self.assertEqual(flagset(fetch_items(fetches[0])["FLAGS"]), {"\\Seen", "$Done"})
        self.assertEqual([u for u in noop.untagged if re.match(rb"^\* 2 FETCH ", u)], [], "message 2 did not change")
        # Nothing more to report on the next NOOP.
        again = self.assertOk(first.command("NOOP"))
        self.assertEqual([u for u in again.untagged if b"FETCH" in u], [], again)

    def test_expunge_reaches_the_other_session_on_noop_not_during_fetch(self):
        user = self.account()
        first = self.session(user, select=None)
        messages = [simple_message(subject="expunge %d" % n) for n in range(3)]
        for message in messages:
            self.append(first, message)
        self.assertOk(first.command("SELECT INBOX"))
        second = self.session(user)
        self.assertOk(second.command("STORE 2 +FLAGS.SILENT (\\Deleted)"))
        self.assertEqual(expunges(self.assertOk(second.command("EXPUNGE"))), [b"* 2 EXPUNGE"])
        # RFC 9051 7.5.1: no EXPUNGE while answering FETCH, STORE or SEARCH.
        for command in ("FETCH 1:* (FLAGS)", "STORE 1 +FLAGS (\\Flagged)", "SEARCH ALL"):
            response = first.command(command)
            self.assertIn(response.status, ("OK", "NO"), response)
            self.assertEqual(expunges(response), [], "EXPUNGE sent during %s" % command)
        # Message 3 is still number 3 in the first session's view; its data is still there.
        response = first.command("FETCH 3 BODY.PEEK[]")
        if response.status == "OK":
            self.assertEqual(fetch_items([u for u in response.untagged if b"FETCH" in u][0])["BODY[]"], messages[2])
        noop = self.assertOk(first.command("NOOP"))
        self.assertEqual(expunges(noop), [b"* 2 EXPUNGE"], noop)
        search = self.assertOk(first.command("UID SEARCH ALL"))
        self.assertEqual(search.starting(b"* SEARCH"), [b"* SEARCH 1 3"])
        # A new message from the second session: EXISTS on the first's next NOOP.
        self.append(second, simple_message(subject="late arrival"))
        noop = self.assertOk(first.command("NOOP"))
        self.assertIn(b"* 3 EXISTS", noop.untagged, noop)

    def test_idle_reports_flags_and_expunges(self):
        user = self.account()
        first = self.session(user, select=None)
        for n in range(2):
            self.append(first, simple_message(subject="idle changes %d" % n))
        self.assertOk(first.command("SELECT INBOX"))
        second = self.session(user)
        first.send(b"I2 IDLE\r\n")
        first.continuation()
        reader = TimedReader(first, lambda raw: raw.startswith(b"I2 "))
        reader.start()
        self.assertOk(second.command("STORE 1 +FLAGS.SILENT (\\Flagged)"))
        _, raw, index = reader.wait_for(rb"^\* 1 FETCH ", 0, 5)
        self.assertIn("\\Flagged", flagset(fetch_items(raw)["FLAGS"]))
        self.assertOk(second.command("STORE 2 +FLAGS.SILENT (\\Deleted)"))
        self.assertOk(second.command("EXPUNGE"))
        reader.wait_for(rb"^\* 2 EXPUNGE$", index + 1, 5)
        first.send(b"DONE\r\n")
        reader.wait_for(rb"^I2 OK", index + 1, 10)
        reader.join(10)

    def test_ten_sessions_append_and_fetch_at_once(self):
        user = self.account()
        errors = []
        uids = []
        lock = threading.Lock()
        barrier = threading.Barrier(SESSIONS, timeout=60)

        def work(worker):
            try:
                client = imapcase.pwharness.imap_connect(
                    self.service.imap_port, self.service.imaps_port, "implicit", user, self.PASSWORDS[user])
                try:
                    typ, data = client.select("INBOX")
                    if typ != "OK":
                        raise AssertionError("SELECT: %r" % data)
                    barrier.wait()
                    for n in range(MESSAGES_PER_SESSION):
                        message = simple_message(subject="worker %d message %d" % (worker, n))
                        typ, data = client.append("INBOX", "(\\Flagged)", None, message)
                        if typ != "OK":
                            raise AssertionError("APPEND: %r %r" % (typ, data))
                        uid = response_code(data, "APPENDUID").split()[1]
                        typ, data = client.uid("FETCH", uid, "(FLAGS BODY.PEEK[])")
                        items = [fetch_items(f) for f in imaplib_fetches(data)]
                        items = [i for i in items if "BODY[]" in i]
                        if typ != "OK" or len(items) != 1 or items[0]["BODY[]"] != message:
                            raise AssertionError("UID FETCH %s: %r %r" % (uid, typ, data))
                        typ, data = client.noop()
                        if typ != "OK":
                            raise AssertionError("NOOP: %r" % data)
                        with lock:
                            uids.append(int(uid))
                finally:
                    client.logout()
            except Exception as error:  # noqa: BLE001 - collected and reported below
                with lock:
                    errors.append("worker %d: %r" % (worker, error))

        threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(SESSIONS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        self.assertFalse(any(t.is_alive() for t in threads), "sessions still running after 120 s")
        self.assertEqual(errors, [])
        total = SESSIONS * MESSAGES_PER_SESSION
        sys.stderr.write("\n%d sessions, %d APPEND+FETCH in %.2f s\n" % (SESSIONS, total, time.monotonic() - started))
        self.assertEqual(sorted(uids), list(range(1, total + 1)), "every APPEND got its own UID, none lost")
        client = self.session(user)
        status = self.assertOk(client.command("STATUS INBOX (MESSAGES UIDNEXT)"))
        self.assertRegex(status.untagged[0], rb"MESSAGES %d" % total)
        self.assertRegex(status.untagged[0], rb"UIDNEXT %d" % (total + 1))
        search = self.assertOk(client.command("SEARCH FLAGGED"))
        self.assertEqual(len(search.starting(b"* SEARCH")[0].split()) - 2, total)


if __name__ == "__main__":
    unittest.main(verbosity=2)
