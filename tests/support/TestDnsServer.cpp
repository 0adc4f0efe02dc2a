#include "tests/support/TestDnsServer.h"
