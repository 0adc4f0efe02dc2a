#include "service/imap/ImapInputReader.h"
