#!/usr/bin/python3
"""Durability: messages are sent from several threads while postwardend is killed with
SIGKILL at a random moment; after a restart every message that got a 250 must be in the
store, once per mailbox and byte for byte, and the store must hold no torn or orphaned file.

The seed is printed; POSTWARDEN_CRASH_SEED=N repeats a run."""

import os
import random
import sys
import threading
import time
import unittest

# python3 -I does not put the script's directory on sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pwharness  # noqa: E402
from pwharness import RawSmtp, ServiceTestCase, added_fields  # noqa: E402

DOMAIN = "example.test"
ALICE = "alice@example.test"
BOB = "bob@example.test"
SENDER = "sender@sender.example"
ROUNDS = 3
THREADS = 4
EXPECTED_ADDED = ["Return-Path", "Authentication-Results", "Received"]


class Sender(threading.Thread):
    """Sends messages over one connection at a time until told to stop; remembers each message
    that the service acknowledged with 250."""

    def __init__(self, port, tag, rng, stop):
        super().__init__(daemon=True)
        self.port, self.tag, self.rng, self.stop_event = port, tag, rng, stop
        self.acked = []  # (marker, recipients, message bytes)
        self.sent = {}  # marker -> (recipients, message bytes), for every message begun
        self.attempted = 0
        self.errors = []

    def message(self, marker, recipients):
        size = self.rng.choice([200, 2000, 20000, 300000])
        body = b"".join(
            b"%s line %d %s\r\n" % (marker, n, b"x" * self.rng.randint(0, 70)) for n in range(size // 60 + 1)
        )
        return (
            b"From: <%s>\r\nTo: %s\r\nSubject: crash test %s\r\nMessage-ID: <%s@client.example.test>\r\n"
            b"X-Crash-Id: %s\r\n\r\n"
            % (SENDER.encode(), b", ".join(b"<%s>" % r.encode() for r in recipients), marker, marker, marker)
        ) + body

    def run(self):
        n = 0
        while not self.stop_event.is_set():
            try:
                client = RawSmtp(self.port, timeout=10)
            except OSError:
                time.sleep(0.02)
                continue
            try:
                if client.reply().code != 220 or client.command("EHLO client.example.test").code != 250:
                    continue
                while not self.stop_event.is_set():
                    n += 1
                    marker = b"%s-%d" % (self.tag.encode(), n)
                    recipients = self.rng.choice([[ALICE], [BOB], [ALICE, BOB]])
                    message = self.message(marker, recipients)
                    self.attempted += 1
                    self.sent[marker] = (recipients, message)
                    if client.command("MAIL FROM:<%s>" % SENDER).code != 250:
                        break
                    if any(client.command("RCPT TO:<%s>" % r).code != 250 for r in recipients):
                        break
                    if self.rng.random() < 0.3:
                        client.send(b"BDAT %d LAST\r\n" % len(message) + message)
                    else:
                        if client.command("DATA").code != 354:
                            break
                        client.send(pwharness.data_bytes(message))
                    reply = client.reply()
                    if reply.code == 250:
                        self.acked.append((marker, recipients, message))
                    elif not self.stop_event.is_set():
                        self.errors.append("%s: %r" % (marker.decode(), reply))
            except (OSError, ConnectionError, TimeoutError, AssertionError):
                pass  # the service died under us: expected
            finally:
                client.close()


class CrashTest(ServiceTestCase):
    CONFIG = {"smtp": {"max_connections_per_ip": "50"}}

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_mailbox(ALICE)
        cls.service.add_mailbox(BOB)

    def test_kill_during_delivery(self):
        seed = int(os.environ.get("POSTWARDEN_CRASH_SEED", "0")) or random.SystemRandom().randrange(1, 2**31)
        sys.stderr.write("\ncrash test seed: %d (POSTWARDEN_CRASH_SEED=%d repeats it)\n" % (seed, seed))
        rng = random.Random(seed)
        all_acked = []
        self.sent = {}
        for round_number in range(ROUNDS):
            with self.subTest(round=round_number):
                acked = self.run_round(round_number, rng)
                all_acked.extend(acked)
                self.verify(all_acked)
        self.assertGreater(len(all_acked), 0, "no message was acknowledged at all")

    def run_round(self, round_number, rng):
        stop = threading.Event()
        senders = [
            Sender(self.service.smtp_port, "r%d-t%d" % (round_number, t), random.Random(rng.random()), stop)
            for t in range(THREADS)
        ]
        for sender in senders:
            sender.start()
        delay = rng.uniform(0.5, 3.0)
        time.sleep(delay)
        self.service.kill()
        stop.set()
        for sender in senders:
            sender.join(30)
            self.assertFalse(sender.is_alive(), "a sender thread did not stop")
        acked = [a for s in senders for a in s.acked]
        for sender in senders:
            self.sent.update(sender.sent)
        attempted = sum(s.attempted for s in senders)
        errors = [e for s in senders for e in s.errors]
        sys.stderr.write(
            "round %d: killed after %.2f s; %d messages attempted, %d acknowledged\n"
            % (round_number, delay, attempted, len(acked))
        )
        self.assertEqual(errors, [], "replies other than 250 before the kill")
        self.service.launch()
        return acked

    def verify(self, acked):
        service = self.service
        stored = {}
        for mailbox in (ALICE, BOB):
            for data, _, file_id, refs in service.stored(mailbox):
                marker = data.split(b"X-Crash-Id: ", 1)[1].split(b"\r\n", 1)[0] if b"X-Crash-Id: " in data else None
                stored.setdefault((mailbox, marker), []).append((data, file_id, refs))
        for marker, recipients, message in acked:
            for mailbox in recipients:
                copies = stored.get((mailbox, marker), [])
                self.assertEqual(len(copies), 1, "%s acknowledged, %d copies in %s" % (marker, len(copies), mailbox))
                data, file_id, refs = copies[0]
                self.assertEqual([n for n, _ in added_fields(data, message)], EXPECTED_ADDED, marker)
                self.assertEqual(refs, len(recipients), "%s: message_files.refs" % marker)
        # Whatever is stored, acknowledged or not (the kill can fall between commit and 250), is
        # whole and stored once.
        for (mailbox, marker), copies in stored.items():
            self.assertIn(marker, self.sent, "a message in %s that no sender began" % mailbox)
            self.assertEqual(len(copies), 1, "%s stored %d times in %s" % (marker, len(copies), mailbox))
            recipients, message = self.sent[marker]
            self.assertEqual([n for n, _ in added_fields(copies[0][0], message)], EXPECTED_ADDED)
            # One transaction for all recipients: stored for each of them or for none.
            for other in recipients:
                self.assertIn((other, marker), stored, "%s stored for %s but not for %s" % (marker, mailbox, other))
        self.assertEqual(service.query("PRAGMA integrity_check"), [("ok",)])
        # No orphans: after the restart every file on disk has its row and every row its file.
        rows = {path for (path,) in service.query("SELECT path FROM message_files")}
        on_disk = set()
        root = os.path.join(service.data, "messages")
        for directory, _, files in os.walk(root):
            for name in files:
                on_disk.add(os.path.relpath(os.path.join(directory, name), service.data))
        self.assertEqual(sorted(on_disk - rows), [], "files without a row")
        self.assertEqual(sorted(rows - on_disk), [], "rows without a file")
        used = dict(service.query("SELECT address, used_bytes FROM mailboxes"))
        for mailbox in (ALICE, BOB):
            total = sum(
                size for (size,) in service.query(
                    "SELECT m.size FROM messages m JOIN folders f ON m.folder_id = f.id"
                    " JOIN mailboxes b ON f.mailbox_id = b.id WHERE b.address = ?", mailbox)
            )
            self.assertEqual(used[mailbox], total, "used_bytes of %s" % mailbox)


if __name__ == "__main__":
    unittest.main(verbosity=2)
