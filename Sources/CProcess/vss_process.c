#include <sys/prctl.h>
#include "vss_process.h"

int vss_set_not_dumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
