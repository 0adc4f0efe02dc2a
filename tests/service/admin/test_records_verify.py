#!/usr/bin/python3
"""postwardenctl records DOMAIN --verify against the real postwardend and a loopback DNS server:
what the wizard's "Verify now" shows, for scripts. With nothing published every required record
is missing and the command fails; with exactly the records `records` asks for it passes; a
wrong SPF record is "different" and shows what DNS holds."""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
# python3 -I does not put the script's directory on sys.path; the harness lives with the SMTP suites.
sys.path.insert(0, os.path.join(HERE, "..", "smtp"))

from pwharness import HOSTNAME, ServiceTestCase, zone_line  # noqa: E402

DOMAIN = "verify.test"
SERVER_IP = "192.0.2.25"


class RecordsVerifyTest(ServiceTestCase):
    CONFIG = {"service": {"public_addresses": SERVER_IP}}

    @classmethod
    def prepare(cls):
        cls.service.add_domain(DOMAIN)
        cls.records = json.loads(cls.service.ctl("--json", "records", DOMAIN).stdout)["records"]

    def verify(self):
        result = self.service.ctl("--json", "records", DOMAIN, "--verify", check=False)
        return result, json.loads(result.stdout)["records"]

    def by_type(self, rows, kind, name_part=""):
        return [r for r in rows if r["type"] == kind and name_part in r["name"]]

    def test_missing_then_published_then_wrong(self):
        required = [r for r in self.records if r["required"]]
        self.assertTrue({"MX", "TXT"} <= {r["type"] for r in required}, required)

        self.service.dns.set_zone("")
        result, rows = self.verify()
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("required record(s) not in DNS yet", result.stderr)
        self.assertEqual(len(rows), len(self.records))
        for row in rows:
            if row["required"]:
                self.assertEqual(row["state"], "missing", row)
                self.assertEqual(row["found"], [])

        self.service.dns.set_zone("\n".join(zone_line(r) for r in self.records) + "\n")
        result, rows = self.verify()
        self.assertEqual(result.returncode, 0, result.stderr + json.dumps(rows, indent=1))
        for row in rows:
            self.assertEqual(row["state"], "found", row)
        mx = self.by_type(rows, "MX")
        self.assertEqual(mx[0]["found"], ["10 %s." % HOSTNAME], mx)

        # A wrong SPF record: "different", with what DNS holds, and the text form says so.
        wrong = [zone_line(r) for r in self.records if not (r["type"] == "TXT" and "v=spf1" in r["value"])]
        wrong.append('%s TXT "v=spf1 ip4:198.51.100.7 -all"' % DOMAIN)
        self.service.dns.set_zone("\n".join(wrong) + "\n")
        result, rows = self.verify()
        self.assertEqual(result.returncode, 1)
        spf = [r for r in rows if r["type"] == "TXT" and "v=spf1" in r["expected"]]
        self.assertEqual(len(spf), 1, rows)
        self.assertEqual(spf[0]["state"], "different", spf)
        self.assertEqual(spf[0]["found"], ['"v=spf1 ip4:198.51.100.7 -all"'], spf)
        text = self.service.ctl("records", DOMAIN, "--verify", check=False)
        self.assertEqual(text.returncode, 1)
        self.assertIn("DIFFERENT", text.stdout)
        self.assertIn("found:    \"v=spf1 ip4:198.51.100.7 -all\"", text.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
