#ifndef VSS_PROCESS_H
#define VSS_PROCESS_H
// prctl(2) is variadic in glibc, which Swift cannot call.
int vss_set_not_dumpable(void);
#endif
