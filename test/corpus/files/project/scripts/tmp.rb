require "fileutils"
FileUtils.rm_rf("coverage")
puts "ok"
