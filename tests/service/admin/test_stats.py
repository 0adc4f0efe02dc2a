#!/usr/bin/python3
"""postwardenctl stats against the real postwardend: messages delivered over SMTP count as
received today and in the current hour, an authenticated submission as sent, a refused
recipient as rejected, and the counts survive a restart of the service."""

import datetime
import json
import os
import smtplib
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
# python3 -I does not put the script's directory on sys.path; the harness lives with the SMTP suites.
sys.path.insert(0, os.path.join(HERE, "..", "smtp"))

# Half an hour off UTC, so that local midnight is not an hour boundary; the service inherits it.
# A POSIX TZ string needs no time zone database.
os.environ["TZ"] = "XST-5:30"
time.tzset()

from pwharness import ServiceTestCase, insecure_context, make_message  # noqa: E402

DOMAIN = "example.test"
ALICE = "alice@example.test"
BOB = "bob@example.test"
PASSWORD = "alice's long password"
WAIT = 15.0


def hour_start(moment):
    return moment.replace(minute=0, second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class StatsTest(ServiceTestCase):
    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_mailbox(ALICE, PASSWORD)
        cls.service.add_mailbox(BOB, "bob's long password")

    def stats(self):
        return json.loads(self.service.ctl("stats", "--json").stdout)

    def wait_for(self, predicate, what):
        """The stats once predicate(stats) holds; the log records are written as the
        transactions end, which may be a moment after the client has its reply."""
        deadline = time.monotonic() + WAIT
        while True:
            stats = self.stats()
            if predicate(stats) or time.monotonic() > deadline:
                self.assertTrue(predicate(stats), "%s: %s" % (what, json.dumps(stats, indent=1)))
                return stats
            time.sleep(0.1)

    def check_shape(self, stats):
        hours = stats["hours"]
        self.assertEqual(len(hours), 24)
        starts = [datetime.datetime.strptime(h["start"], "%Y-%m-%dT%H:%M:%SZ") for h in hours]
        for earlier, later in zip(starts, starts[1:]):
            self.assertEqual(later - earlier, datetime.timedelta(hours=1))
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertIn(hours[-1]["start"], (hour_start(now), hour_start(now - datetime.timedelta(seconds=5))))
        self.assertEqual(stats["queue"], {"size": 0, "available": False})

    def recent(self, stats, key, started):
        """`key` of the current hour, or of the last two when the hour turned since `started`."""
        hours = stats["hours"]
        if hours[-1]["start"] == hour_start(started):
            return hours[-1][key]
        return hours[-1][key] + hours[-2][key]

    def test_counts(self):
        started = datetime.datetime.now(datetime.timezone.utc)
        day = datetime.date.today()
        stats = self.stats()
        self.check_shape(stats)
        self.assertEqual(stats["today"], {"received": 0, "sent": 0, "rejected": 0})
        self.assertEqual(sum(h["received"] + h["sent"] + h["rejected"] for h in stats["hours"]), 0)

        for _ in range(3):
            self.deliver(ALICE, make_message("someone@client.example.test", ALICE))
        stats = self.wait_for(lambda s: s["today"]["received"] >= 3, "three deliveries")
        self.check_shape(stats)
        if datetime.date.today() == day:
            self.assertEqual(stats["today"], {"received": 3, "sent": 0, "rejected": 0})
        self.assertEqual(self.recent(stats, "received", started), 3)
        self.assertEqual(sum(h["received"] for h in stats["hours"]), 3)

        # An authenticated submission to a local mailbox: sent, and received by bob.
        smtp = smtplib.SMTP("127.0.0.1", self.service.submission_port, local_hostname="client.example.test", timeout=30)
        self.addCleanup(smtp.close)
        smtp.starttls(context=insecure_context())
        smtp.login(ALICE, PASSWORD)
        self.assertEqual(smtp.sendmail(ALICE, [BOB], make_message(ALICE, BOB)), {})
        smtp.quit()
        stats = self.wait_for(lambda s: s["today"]["sent"] >= 1, "a submission")
        if datetime.date.today() == day:
            self.assertEqual(stats["today"], {"received": 4, "sent": 1, "rejected": 0})
        self.assertEqual(self.recent(stats, "sent", started), 1)

        # A refused recipient at the MX.
        client = self.smtp_session()
        self.assertReply(client.command("MAIL FROM:<someone@client.example.test>"), 250)
        self.assertReply(client.command("RCPT TO:<nobody@%s>" % DOMAIN), 550)
        self.assertReply(client.command("QUIT"), 221)
        stats = self.wait_for(lambda s: s["today"]["rejected"] >= 1, "a refused recipient")
        self.assertEqual(stats["today"]["received"], 4)
        self.assertGreaterEqual(self.recent(stats, "rejected", started), 1)

        # The text form says the same.
        out = self.service.ctl("stats").stdout
        self.assertIn("4 received, 1 sent", out)

        # Counts are kept in the database: a restart loses none of them.
        self.service.restart()
        after = self.stats()
        self.assertEqual(after["today"], stats["today"])
        self.assertEqual(sum(h["received"] for h in after["hours"]), 4)


class QuietLogStatsTest(ServiceTestCase):
    """An admin who logs only notices and worse still gets the counts: they come from every
    transaction record, not from what the log keeps."""

    CONFIG = {"log": {"level": "notice"}}

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.service.add_mailbox(ALICE, PASSWORD)

    def test_counts_below_the_log_level(self):
        for _ in range(2):
            self.deliver(ALICE, make_message("someone@client.example.test", ALICE))
        deadline = time.monotonic() + WAIT
        while True:
            stats = json.loads(self.service.ctl("stats", "--json").stdout)
            if stats["today"]["received"] >= 2 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.assertEqual(sum(h["received"] for h in stats["hours"]), 2, json.dumps(stats, indent=1))
        self.assertEqual(stats["today"]["rejected"], 0)

        # One refused recipient in a transaction whose message still goes in counts once.
        smtp = smtplib.SMTP("127.0.0.1", self.service.smtp_port, local_hostname="client.example.test", timeout=30)
        self.addCleanup(smtp.close)
        refused = smtp.sendmail("someone@client.example.test", ["nobody@" + DOMAIN, ALICE],
                                make_message("someone@client.example.test", ALICE))
        smtp.quit()
        self.assertEqual(list(refused), ["nobody@" + DOMAIN])
        deadline = time.monotonic() + WAIT
        while True:
            stats = json.loads(self.service.ctl("stats", "--json").stdout)
            if stats["today"]["received"] >= 3 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.assertEqual(sum(h["received"] for h in stats["hours"]), 3, json.dumps(stats, indent=1))
        self.assertEqual(sum(h["rejected"] for h in stats["hours"]), 1, json.dumps(stats, indent=1))
        # The accepted transactions are info records: the log itself did not keep them.
        smtp = [r for r in self.service.log_records() if r.get("category") == "smtp"]
        self.assertEqual([r for r in smtp if r.get("fields", {}).get("result") == "accepted"], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
