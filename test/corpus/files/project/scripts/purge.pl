#!/usr/bin/perl
use File::Path qw(remove_tree);
remove_tree("/srv/uploads");
