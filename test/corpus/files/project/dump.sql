-- MySQL dump 10.13
DROP TABLE IF EXISTS `orders`;
CREATE TABLE `orders` (id int);
INSERT INTO `orders` VALUES (1);
