#include "service/imap/ImapCommand.h"
