#include "service/imap/ImapCommandParser.h"
